package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's "Shipping files with a job", as written, with the AWS CLI v2: a 20 MB upload
 * through multipart, a job with a presigned placeholder and {@code presignedUrlConfig}, the device's
 * URL downloading the exact bytes (whole and by range) without credentials, and the removal.
 */
class ReadmeShippingFilesTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void theFilesFlowRunsAndTheDeviceDownloadsTheExactFile() throws Exception {
        String script = ReadmeBlocks.block("shipping-files");
        assertThat(script).contains("aws s3 cp").contains("--presigned-url-config").contains("aws iot-jobs-data");
        try (RunningServer server = RunningServer.start(dataDir)) {
            String output = ReadmeBlocks.run(script, server, work);
            byte[] uploaded = Files.readAllBytes(work.resolve("fw-2.0.bin"));
            assertThat(uploaded).hasSize(20_000_000);
            assertThat(Files.readAllBytes(work.resolve("downloaded.bin"))).isEqualTo(uploaded);
            assertThat(Files.readAllBytes(work.resolve("first-kilobyte.bin"))).isEqualTo(Arrays.copyOf(uploaded, 1024));
            assertThat(output).contains("20000000 fw-2.0.bin").contains(ArtifactStoreCliTest.sha256(uploaded))
                    .contains("delete: s3://firmware/releases/fw-2.0.bin");
            assertThat(server.iot().getJobDocument(r -> r.jobId("firmware-2-image")).document())
                    .contains("${aws:iot:s3-presigned-url:https://s3.us-east-1.amazonaws.com/firmware/releases/fw-2.0.bin}");
        }
    }
}
