package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in artifact store through the stock AWS CLI v2 {@code s3} commands: a file above the CLI's
 * 8 MB threshold goes up in multipart parts and comes back whole (the CLI downloads it in ranged
 * parts), by an explicit range, and is removed with its bucket; nothing is left on disk. (The
 * README test uploads 20 MB the same way.)
 */
class ArtifactStoreCliTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void theAwsCliUploadsListsDownloadsAndRemovesAMultipartFile() throws Exception {
        byte[] firmware = new byte[17 * 1024 * 1024];
        new Random(18).nextBytes(firmware);
        Files.write(work.resolve("fw-2.0.bin"), firmware);
        try (RunningServer server = RunningServer.start(dataDir)) {
            AwsCli aws = new AwsCli(server, work);
            aws.ok("s3", "mb", "s3://firmware");
            aws.ok("s3", "cp", "fw-2.0.bin", "s3://firmware/releases/fw-2.0.bin");
            assertThat(aws.ok("s3", "ls", "s3://firmware/releases/")).contains(Integer.toString(firmware.length)).contains("fw-2.0.bin");
            String head = aws.ok("s3api", "head-object", "--bucket", "firmware", "--key", "releases/fw-2.0.bin");
            assertThat(head).contains("\"ContentLength\": " + firmware.length).contains("-3\\\"").contains(sha256(firmware));

            aws.ok("s3", "cp", "s3://firmware/releases/fw-2.0.bin", "back.bin");
            assertThat(Files.readAllBytes(work.resolve("back.bin"))).isEqualTo(firmware);
            aws.ok("s3api", "get-object", "--bucket", "firmware", "--key", "releases/fw-2.0.bin", "--range", "bytes=1000-1999", "part.bin");
            assertThat(Files.readAllBytes(work.resolve("part.bin"))).isEqualTo(Arrays.copyOfRange(firmware, 1000, 2000));

            aws.ok("s3", "rm", "s3://firmware/releases/fw-2.0.bin");
            aws.ok("s3", "rb", "s3://firmware");
            assertThat(aws.ok("s3", "ls")).doesNotContain("firmware");
        }
        assertThat(filesUnder(dataDir.resolve("artifacts"))).isEmpty();
    }

    static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
