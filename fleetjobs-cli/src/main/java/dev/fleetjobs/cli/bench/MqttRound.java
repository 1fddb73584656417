package dev.fleetjobs.cli.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The score of one mqtt-loop round (one job on every device): when each {@code notify-next}
 * arrived, the request round trips, and which devices finished or failed.
 */
final class MqttRound {

    private final String jobId;
    private final Measurement requests;
    private final long createdNanos;
    private final CountDownLatch notifiedAll;
    private final CountDownLatch settledAll;
    private final AtomicLong lastNotificationNanos = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long requestsStartNanos;

    /** @param requests where round trips are recorded; null while warming up */
    MqttRound(String jobId, int devices, Measurement requests, long createdNanos) {
        this.jobId = jobId;
        this.requests = requests;
        this.createdNanos = createdNanos;
        this.notifiedAll = new CountDownLatch(devices);
        this.settledAll = new CountDownLatch(devices);
    }

    String jobId() {
        return jobId;
    }

    void notified(MqttDevice device) {
        lastNotificationNanos.accumulateAndGet(System.nanoTime(), Math::max);
        notifiedAll.countDown();
    }

    void answered(long startNanos, long endNanos) {
        if (requests != null) {
            requests.record(startNanos, endNanos, null);
        }
    }

    void finished(MqttDevice device) {
        finished.incrementAndGet();
        settledAll.countDown();
    }

    void failed(MqttDevice device, String why) {
        failed.incrementAndGet();
        if (requests != null) {
            requests.recordError(device.thingName() + ": " + why);
        }
        settledAll.countDown();
    }

    boolean awaitNotifications(long timeoutMillis) throws InterruptedException {
        return notifiedAll.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Waits for {@code devices} (those notified) to finish or fail; the others count down here. */
    boolean awaitSettled(int notNotified, long timeoutMillis) throws InterruptedException {
        for (int i = 0; i < notNotified; i++) {
            settledAll.countDown();
        }
        return settledAll.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    void requestsStarted() {
        requestsStartNanos = System.nanoTime();
    }

    long requestsStartNanos() {
        return requestsStartNanos;
    }

    /** From CreateJob being sent to the last {@code notify-next} of the job. */
    double fanOutSeconds() {
        long last = lastNotificationNanos.get();
        return last == 0 ? 0 : (last - createdNanos) / 1e9;
    }

    long notifiedCount(int devices) {
        return devices - notifiedAll.getCount();
    }

    long finished() {
        return finished.get();
    }

    long failed() {
        return failed.get();
    }
}
