package dev.fleetjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.S3Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresignedUrlPlaceholdersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://s3.us-east-1.amazonaws.com/firmware/fw/2.0.bin",
            "https://s3.amazonaws.com/firmware/fw/2.0.bin",
            "https://s3-eu-west-1.amazonaws.com/firmware/fw/2.0.bin",
            "https://s3.dualstack.us-west-2.amazonaws.com/firmware/fw/2.0.bin",
            "https://firmware.s3.amazonaws.com/fw/2.0.bin",
            "https://firmware.s3.eu-central-1.amazonaws.com/fw/2.0.bin",
            "https://firmware.s3-eu-west-1.amazonaws.com/fw/2.0.bin",
            "https://s3.cn-north-1.amazonaws.com.cn/firmware/fw/2.0.bin",
            "https://S3.US-EAST-1.AMAZONAWS.COM/firmware/fw/2.0.bin"})
    void everyS3HostFormNamesTheSameObject(String url) {
        assertThat(PresignedUrlPlaceholders.parse(url)).isEqualTo(new S3Location("firmware", "fw/2.0.bin"));
    }

    @Test
    void keysArePercentDecoded() {
        assertThat(PresignedUrlPlaceholders.parse("https://s3.us-east-1.amazonaws.com/firmware/release%20notes%2Bv2.txt").key())
                .isEqualTo("release notes+v2.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://s3.us-east-1.amazonaws.com/firmware/fw.bin",
            "https://example.com/firmware/fw.bin",
            "https://s3.us-east-1.amazonaws.com/firmware",
            "https://s3.us-east-1.amazonaws.com/firmware/",
            "https://s3.us-east-1.amazonaws.com/Firmware_Bucket/fw.bin",
            "https://s3.us-east-1.amazonaws.com/firmware/fw.bin?versionId=3",
            "https://s3.us-east-1.amazonaws.com/firmware/fw%2.bin",
            "s3://firmware/fw.bin"})
    void anythingElseIsRefused(String url) {
        assertThatThrownBy(() -> PresignedUrlPlaceholders.parse(url)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("does not name an S3 object");
    }

    @Test
    void bothPlaceholderVersionsAreReplacedAndTheUrlIsEscapedForItsJsonString() {
        String document = "{\"a\":\"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/firmware/a.bin}\","
                + "\"b\":\"${aws:iot:s3-presigned-url-v2:https://firmware.s3.amazonaws.com/b.bin}\",\"c\":\"${aws:iot:parameter:x}\"}";
        assertThat(PresignedUrlPlaceholders.locations(document))
                .containsExactly(new S3Location("firmware", "a.bin"), new S3Location("firmware", "b.bin"));
        String substituted = PresignedUrlPlaceholders.substitute(document, l -> "http://h/" + l.key() + "?q=\"x\"&s=$1\\");
        assertThat(substituted).isEqualTo("{\"a\":\"http://h/a.bin?q=\\\"x\\\"&s=$1\\\\\","
                + "\"b\":\"http://h/b.bin?q=\\\"x\\\"&s=$1\\\\\",\"c\":\"${aws:iot:parameter:x}\"}");
        assertThat(PresignedUrlPlaceholders.hasAny("{\"c\":\"${aws:iot:parameter:x}\"}")).isFalse();
    }
}
