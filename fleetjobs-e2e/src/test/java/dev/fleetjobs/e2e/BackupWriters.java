package dev.fleetjobs.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * Clients writing as fast as they can while a backup is taken: some create things, one moves
 * executions along (each update a new status detail). Every write is recorded with the moment it
 * was acknowledged and how long it took.
 */
final class BackupWriters implements AutoCloseable {

    /** A write the server acknowledged: what it was, when the answer came ({@link System#nanoTime}) and how long it took. */
    record Ack(String what, long atNanos, long tookNanos) {
    }

    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<Long, Map.Entry<String, Integer>>> detailAcks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    BackupWriters(URI endpoint, AwsCredentialsProvider credentials, int thingWriters, String jobId, List<String> executionThings) {
        for (int w = 0; w < thingWriters; w++) {
            String prefix = "w" + w + "-";
            start(() -> {
                try (IotClient iot = IotClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
                    for (int i = 0; !stop.get(); i++) {
                        String name = prefix + i;
                        long started = System.nanoTime();
                        iot.createThing(r -> r.thingName(name));
                        long done = System.nanoTime();
                        acks.add(new Ack(name, done, done - started));
                    }
                }
            });
        }
        if (jobId != null) {
            start(() -> {
                try (IotJobsDataPlaneClient jobs = IotJobsDataPlaneClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(credentials).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
                    for (int i = 1; !stop.get(); i++) {
                        String thing = executionThings.get(i % executionThings.size());
                        int n = i;
                        long started = System.nanoTime();
                        jobs.updateJobExecution(r -> r.thingName(thing).jobId(jobId).status("IN_PROGRESS").statusDetails(Map.of("n", "" + n)));
                        long done = System.nanoTime();
                        acks.add(new Ack(thing + "#" + n, done, done - started));
                        detailAcks.add(Map.entry(done, Map.entry(thing, n)));
                    }
                }
            });
        }
    }

    private void start(Runnable loop) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        thread.start();
        threads.add(thread);
    }

    List<Ack> acks() {
        return acks;
    }

    /** Things created and acknowledged before {@code nanos}. */
    List<String> thingsAcknowledgedBefore(long nanos) {
        return acks.stream().filter(a -> a.atNanos() < nanos && !a.what().contains("#")).map(Ack::what).toList();
    }

    /** Per thing, the highest status detail "n" acknowledged before {@code nanos}. */
    Map<String, Integer> detailsAcknowledgedBefore(long nanos) {
        Map<String, Integer> last = new java.util.HashMap<>();
        for (var ack : detailAcks) {
            if (ack.getKey() < nanos) {
                last.merge(ack.getValue().getKey(), ack.getValue().getValue(), Math::max);
            }
        }
        return last;
    }

    /** The slowest write that was under way at some moment between {@code from} and {@code to}, in milliseconds. */
    double slowestOverlapping(long from, long to) {
        return acks.stream().filter(a -> a.atNanos() >= from && a.atNanos() - a.tookNanos() <= to)
                .mapToLong(Ack::tookNanos).max().orElse(0) / 1e6;
    }

    /** The slowest write answered before {@code nanos}, in milliseconds. */
    double slowestBefore(long nanos, long since) {
        return acks.stream().filter(a -> a.atNanos() < nanos && a.atNanos() >= since).mapToLong(Ack::tookNanos).max().orElse(0) / 1e6;
    }

    /** The longest time between two acknowledgements (from any client) between {@code from} and {@code to}, in milliseconds. */
    double longestGap(long from, long to) {
        long[] times = acks.stream().mapToLong(Ack::atNanos).filter(t -> t >= from && t <= to).sorted().toArray();
        long gap = 0;
        long previous = from;
        for (long t : times) {
            gap = Math.max(gap, t - previous);
            previous = t;
        }
        return Math.max(gap, to - previous) / 1e6;
    }

    /** The {@code quantile} latency of writes answered between {@code from} and {@code to}, in milliseconds. */
    double latency(long from, long to, double quantile) {
        long[] took = acks.stream().filter(a -> a.atNanos() >= from && a.atNanos() <= to).mapToLong(Ack::tookNanos).sorted().toArray();
        return took.length == 0 ? 0 : took[Math.min(took.length - 1, (int) (quantile * took.length))] / 1e6;
    }

    long countBetween(long from, long to) {
        return acks.stream().filter(a -> a.atNanos() >= from && a.atNanos() <= to).count();
    }

    List<Throwable> failures() {
        return failures;
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
