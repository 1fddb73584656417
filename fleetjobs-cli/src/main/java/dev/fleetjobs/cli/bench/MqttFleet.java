package dev.fleetjobs.cli.bench;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The connected devices of mqtt-loop: all HiveMQ MQTT clients share one I/O thread, and they
 * connect a few hundred at a time so that the broker's accept queue never overflows.
 */
final class MqttFleet implements AutoCloseable {

    private static final int CONNECTING_AT_ONCE = 200;
    private static final long SPARE_FILES = 1024;

    private final List<MqttDevice> devices;
    private final AtomicLong connected = new AtomicLong();

    private MqttFleet(List<MqttDevice> devices) {
        this.devices = devices;
    }

    /** Refuses, before anything connects, a fleet larger than this process may hold open files for. */
    static void checkOpenFiles(int devices, boolean serverInProcess) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os)) {
            return;
        }
        long needed = (long) devices * (serverInProcess ? 2 : 1) + os.getOpenFileDescriptorCount() + SPARE_FILES;
        if (needed > os.getMaxFileDescriptorCount()) {
            throw new BenchUsageException("mqtt-loop with " + devices + " devices needs about " + needed
                    + " open files in this process" + (serverInProcess ? " (the embedded server holds the other end of each connection)" : "")
                    + ", and the limit is " + os.getMaxFileDescriptorCount() + ": raise it with 'ulimit -n' or use fewer --devices.");
        }
    }

    static MqttFleet of(List<String> thingNames, InetSocketAddress broker) {
        MqttClientExecutorConfig executors = MqttClientExecutorConfig.builder().nettyThreads(1).build();
        List<MqttDevice> devices = new ArrayList<>(thingNames.size());
        thingNames.forEach(thing -> devices.add(new MqttDevice(thing, broker, executors)));
        return new MqttFleet(devices);
    }

    List<MqttDevice> devices() {
        return devices;
    }

    long connected() {
        return connected.get();
    }

    /** Connects and subscribes every device; answers how long it took. */
    Duration connectAll(Duration limit) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        Semaphore slots = new Semaphore(CONNECTING_AT_ONCE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            for (MqttDevice device : devices) {
                if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new BenchFailure("Connecting the MQTT devices took longer than " + limit.toSeconds() + " s");
                }
                if (failure.get() != null) {
                    break;
                }
                device.connect().whenComplete((ok, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, new BenchFailure("Device " + device.thingName() + " could not connect: "
                                + Failures.describe(error), error));
                    } else {
                        connected.incrementAndGet();
                    }
                    slots.release();
                });
            }
            if (!slots.tryAcquire(CONNECTING_AT_ONCE, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new BenchFailure("Connecting the MQTT devices took longer than " + limit.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("Interrupted while connecting the MQTT devices");
        }
        if (failure.get() != null) {
            throw (BenchFailure) failure.get();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (MqttDevice device : devices) {
            closing.add(device.disconnect().exceptionally(ignored -> null));
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // devices that did not disconnect in time are dropped with the process
        }
    }
}
