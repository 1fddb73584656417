package dev.fleetjobs.cli.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's heap while something runs: the highest use sampled every 10 ms (garbage included),
 * and the highest use right after a collection (what was really kept).
 */
final class HeapProbe implements AutoCloseable {

    /** Peaks in MiB; {@code afterGcMb} is 0 when no collection ran. */
    record Peak(long usedMb, long afterGcMb, long maxMb) {
    }

    private static final long SAMPLE_MILLIS = 10;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener afterGc = this::onCollection;
    private final List<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).toList();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapProbe() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterGc, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(this::sample, "bench-heap-probe");
        sampler.setDaemon(true);
    }

    static HeapProbe start() {
        HeapProbe probe = new HeapProbe();
        probe.sampler.start();
        return probe;
    }

    Peak peak() {
        long max = memory.getHeapMemoryUsage().getMax();
        return new Peak(mb(peakUsed.get()), mb(peakAfterGc.get()), max < 0 ? -1 : mb(max));
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(afterGc);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }

    private void sample() {
        while (running) {
            peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        Map<String, MemoryUsage> afterCollection = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData()).getGcInfo().getMemoryUsageAfterGc();
        // the map has the non-heap pools (metaspace, code cache) too: count the heap's only
        long used = 0;
        for (String pool : heapPools) {
            MemoryUsage usage = afterCollection.get(pool);
            used += usage == null ? 0 : usage.getUsed();
        }
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
