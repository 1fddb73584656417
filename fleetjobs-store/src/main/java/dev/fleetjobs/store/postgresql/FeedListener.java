package dev.fleetjobs.store.postgresql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection that LISTENs on the feed channel and calls back when a notification arrives.
 * When the connection breaks it opens another, and calls back once it listens again, since
 * notifications sent meanwhile are lost (the feed rows are not: the caller reads them).
 */
final class FeedListener implements AutoCloseable, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedListener.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final String channel;
    private final Runnable onSignal;
    private final Thread thread;
    private volatile boolean closed;

    private FeedListener(DataSource dataSource, String channel, Runnable onSignal) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.onSignal = onSignal;
        this.thread = new Thread(this, "fleetjobs-feed-listener");
        thread.setDaemon(true);
    }

    static FeedListener start(DataSource dataSource, String channel, Runnable onSignal) {
        FeedListener listener = new FeedListener(dataSource, channel, onSignal);
        listener.thread.start();
        return listener;
    }

    @Override
    public void run() {
        long backoffMillis = 100;
        while (!closed) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                backoffMillis = 100;
                signal();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        signal();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Listening for other nodes' changes failed ({}); listening again in {} ms", e.getMessage(), backoffMillis);
                sleep(backoffMillis);
                backoffMillis = Math.min(5_000, backoffMillis * 2);
            }
        }
    }

    private void signal() {
        try {
            onSignal.run();
        } catch (RuntimeException e) {
            LOG.warn("A feed listener's callback failed", e);
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
