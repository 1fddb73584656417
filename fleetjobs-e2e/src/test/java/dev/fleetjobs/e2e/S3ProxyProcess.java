package dev.fleetjobs.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * S3Proxy (an S3-compatible server, fetched from Maven Central by the build into
 * {@code target/s3proxy}) as a separate process with an in-memory store, standing in for an
 * external object store. It checks SigV4 signatures, presigned ones included.
 */
final class S3ProxyProcess implements AutoCloseable {

    static final String IDENTITY = "proxy-identity";
    static final String CREDENTIAL = "proxy-credential";

    private final Process process;
    private final URI endpoint;

    private S3ProxyProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static S3ProxyProcess start(Path work) {
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the e2e build copies it from Maven Central (maven-dependency-plugin)");
        }
        try {
            int port = ServerProcess.freePort();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path properties = Files.writeString(work.resolve("s3proxy.properties"), String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=transient",
                    "jclouds.identity=unused",
                    "jclouds.credential=unused", ""));
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-jar", jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile()).start();
            S3ProxyProcess proxy = new S3ProxyProcess(process, endpoint);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> !process.isAlive() || accepts(port));
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Proxy exited: " + Files.readString(work.resolve("s3proxy.log")));
                }
            } catch (RuntimeException e) {
                proxy.close();
                throw e;
            }
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
