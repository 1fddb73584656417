package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.artifacts.ArtifactSettings;
import dev.fleetjobs.server.mqtt.MqttSettings;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --artifact-store s3://PREFIX?endpoint=...}: devices get URLs presigned by the AWS SDK's
 * S3Presigner against an external S3-compatible store, with credentials from the SDK's default
 * chain (here its system properties), and the bucket prefix applied. S3Proxy stands in for the
 * store (it verifies the signatures); {@code -Dfleetjobs.test.s3.endpoint=URL} with
 * {@code -Dfleetjobs.test.s3.identity} and {@code -Dfleetjobs.test.s3.credential} runs the same test
 * against another one, such as moto's S3 server.
 */
class ExternalArtifactStoreTest {

    @TempDir
    Path temp;

    private S3ProxyProcess proxy;
    private URI storeEndpoint;
    private String identity = System.getProperty("fleetjobs.test.s3.identity", S3ProxyProcess.IDENTITY);
    private String credential = System.getProperty("fleetjobs.test.s3.credential", S3ProxyProcess.CREDENTIAL);

    @BeforeEach
    void startStore() {
        String given = System.getProperty("fleetjobs.test.s3.endpoint");
        if (given != null) {
            storeEndpoint = URI.create(given);
        } else {
            proxy = S3ProxyProcess.start(temp);
            storeEndpoint = proxy.endpoint();
        }
        System.setProperty("aws.accessKeyId", identity);
        System.setProperty("aws.secretAccessKey", credential);
    }

    @AfterEach
    void stopStore() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void devicesGetUrlsPresignedAgainstTheExternalStore() {
        byte[] firmware = new byte[100_000];
        new Random(9).nextBytes(firmware);
        S3Requests store = new S3Requests(storeEndpoint, identity, credential);
        store.createBucket("acme-firmware");
        store.put("acme-firmware", "fw/2.0.bin", firmware);

        ArtifactSettings external = ArtifactSettings.parse("s3://acme-?endpoint=" + storeEndpoint + "&region=us-east-1", null, "us-east-1");
        try (RunningServer server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, temp.resolve("data")),
                MqttSettings.disabled(), external)) {
            Fleet fleet = new Fleet(server.iot());
            fleet.thing("far-device");
            server.iot().createJob(r -> r.jobId("fw-external").targets(fleet.arnOf("far-device"))
                    .document("{\"url\":\"${aws:iot:s3-presigned-url:https://firmware.s3.us-east-1.amazonaws.com/fw/2.0.bin}\"}")
                    .presignedUrlConfig(c -> c.roleArn("arn:aws:iam::000000000000:role/files").expiresInSec(300L)));
            String url = PresignedJobFilesTest.urlIn(server.jobs().describeJobExecution(r -> r.thingName("far-device")
                    .jobId("fw-external").includeJobDocument(true)).execution().jobDocument());

            assertThat(url).startsWith(storeEndpoint + "/acme-firmware/fw/2.0.bin?").contains("X-Amz-Expires=300")
                    .contains("X-Amz-Credential=" + identity);
            HttpResponse<byte[]> download = store.anonymousGet(url, Map.of());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(firmware);
            HttpResponse<byte[]> tampered = store.anonymousGet(url.replace("X-Amz-Expires=300", "X-Amz-Expires=301"), Map.of());
            assertThat(tampered.statusCode()).isEqualTo(403);
            assertThat(new String(tampered.body(), StandardCharsets.UTF_8)).contains("SignatureDoesNotMatch");
        }
    }
}
