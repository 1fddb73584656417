package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.server.app.SecurityOptions;
import dev.fleetjobs.server.app.ServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow clients: hundreds of connections that send their headers (or body) a byte at a time do not
 * hold up normal clients, and the server closes them once their time is up; connections beyond
 * the limit are closed as they open.
 */
class SlowClientTest {

    private static final int SLOW_HEADERS = 200;
    private static final int SLOW_BODIES = 20;

    @TempDir
    Path dataDir;

    private RunningServer server;
    private final ScheduledExecutorService drip = Executors.newScheduledThreadPool(4);
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        drip.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
        server.close();
    }

    @Test
    void slowSendersDoNotBlockOthersAndAreClosedWhenTheirTimeIsUp() throws IOException {
        server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir)
                .withSecurity(SecurityOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))));
        new Fleet(server.iot()).thing("pump-1");
        AtomicInteger closedByServer = new AtomicInteger();
        for (int i = 0; i < SLOW_HEADERS; i++) {
            startDripping("GET /things HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "z".repeat(10_000), closedByServer);
        }
        for (int i = 0; i < SLOW_BODIES; i++) {
            startDripping("PUT /things/pump-1/jobs/$next HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000\r\n\r\n"
                    + "{".repeat(10_000), closedByServer);
        }

        for (int i = 0; i < 50; i++) {
            long started = System.nanoTime();
            assertThat(server.iot().describeThing(r -> r.thingName("pump-1")).thingName()).isEqualTo("pump-1");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a normal request beside the slow ones")
                    .isLessThan(Duration.ofSeconds(1));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(closedByServer.get()).as("slow connections the server closed").isEqualTo(SLOW_HEADERS + SLOW_BODIES));
        assertThat(server.iot().describeThing(r -> r.thingName("pump-1")).thingName()).isEqualTo("pump-1");
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAsTheyOpen() throws IOException {
        server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir)
                .withSecurity(SecurityOptions.defaults().withMaxConnections(10)));
        for (int i = 0; i < 10; i++) {
            sockets.add(new Socket("127.0.0.1", server.server().port()));
        }
        try (Socket extra = new Socket("127.0.0.1", server.server().port())) {
            extra.setSoTimeout(5_000);
            assertThat(extra.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
        }
        sockets.forEach(this::closeQuietly);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(server.iot().listThings().things()).isEmpty());
    }

    private void startDripping(String text, AtomicInteger closedByServer) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.server().port());
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        AtomicInteger next = new AtomicInteger();
        Runnable[] task = new Runnable[1];
        task[0] = () -> {
            try {
                out.write(bytes[next.getAndIncrement() % bytes.length]);
                out.flush();
                drip.schedule(task[0], 100, TimeUnit.MILLISECONDS);
            } catch (IOException closed) {
                closedByServer.incrementAndGet();
            }
        };
        drip.schedule(task[0], 100, TimeUnit.MILLISECONDS);
    }

    private void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket the test no longer needs
        }
    }
}
