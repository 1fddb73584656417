package dev.fleetjobs.sdk.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads a process stream to its end on its own thread, keeping only the last characters and counting lines. */
final class TailBuffer {

    private final StringBuilder tail = new StringBuilder();
    private final Thread reader;
    private int lines;

    TailBuffer(InputStream stream, String threadName) {
        reader = new Thread(() -> drain(stream), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void drain(InputStream stream) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    lines++;
                    tail.append(line).append('\n');
                    if (tail.length() > 4 * StatusDetails.MAX_VALUE_LENGTH) {
                        tail.delete(0, tail.length() - 2 * StatusDetails.MAX_VALUE_LENGTH);
                    }
                }
            }
        } catch (IOException closed) {
            // the process is gone; what was read is what there is
        }
    }

    /** Waits until the stream has ended (bounded), then returns what was kept. */
    String text(long waitMillis) {
        try {
            reader.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return tail.toString();
        }
    }

    synchronized int lines() {
        return lines;
    }
}
