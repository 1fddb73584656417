// Summarizes a JFR recording the way docs/PERFORMANCE.md reports it: per thread, self and inclusive
// samples (execution and native), allocation by class and site, monitor and park time.
// Usage: java bench/JfrTop.java rec.jfr [fromSecond toSecond] [threadNameRegex]
import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.stream.*;

public class JfrTop {
    public static void main(String[] a) throws Exception {
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(a[0]));
        Instant t0 = events.stream().map(RecordedEvent::getStartTime).min(Comparator.naturalOrder()).get();
        double from = a.length > 1 ? Double.parseDouble(a[1]) : 0, to = a.length > 2 ? Double.parseDouble(a[2]) : 1e9;
        String threadRe = a.length > 3 ? a[3] : ".*";
        Map<String, Integer> self = new HashMap<>(), incl = new HashMap<>(), threads = new HashMap<>(), chains = new HashMap<>();
        Map<String, Long> alloc = new HashMap<>(), allocSite = new HashMap<>(), lockSite = new HashMap<>(), parkSite = new HashMap<>();
        int samples = 0; long allocTotal = 0; List<Float> cpu = new ArrayList<>(), mach = new ArrayList<>();
        for (RecordedEvent e : events) {
            double s = Duration.between(t0, e.getStartTime()).toMillis() / 1000.0;
            if (s < from || s > to) continue;
            String type = e.getEventType().getName();
            if (type.equals("jdk.CPULoad")) { cpu.add(e.getFloat("jvmUser")+e.getFloat("jvmSystem")); mach.add(e.getFloat("machineTotal")); continue; }
            RecordedThread th = e.hasField("sampledThread") ? e.getThread("sampledThread") : (e.hasField("eventThread") ? e.getThread("eventThread") : null);
            String tn = th == null ? "?" : th.getJavaName();
            if (tn == null || !tn.matches(threadRe)) continue;
            RecordedStackTrace st = e.getStackTrace();
            if (type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample")) {
                samples++;
                threads.merge(tn.replaceAll("\\d+$", "N"), 1, Integer::sum);
                if (st == null || st.getFrames().isEmpty()) continue;
                self.merge(name(st.getFrames().get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : st.getFrames()) { String n = name(f); if (seen.add(n)) incl.merge(n, 1, Integer::sum); }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long w = e.getLong("weight"); allocTotal += w;
                alloc.merge(e.getClass("objectClass").getName(), w, Long::sum);
                if (st != null) allocSite.merge(site(st, 0), w, Long::sum);
            } else if (type.equals("jdk.JavaMonitorEnter")) {
                lockSite.merge(e.getClass("monitorClass").getName() + " @ " + (st == null ? "?" : site(st, 0)), e.getDuration().toNanos(), Long::sum);
            } else if (type.equals("jdk.ThreadPark")) {
                parkSite.merge(st == null ? "?" : site(st, 2), e.getDuration().toNanos(), Long::sum);
            }
        }
        System.out.printf("window %.0f-%.0f s, %d samples, jvm cpu %.2f machine %.2f%n", from, Math.min(to, 99999), samples, cpu.stream().mapToDouble(f->f).average().orElse(0), mach.stream().mapToDouble(f->f).average().orElse(0));
        top("threads (samples)", threads, 12, samples);
        top("self (top frame)", self, 40, samples);
        top("inclusive", incl, 70, samples);
        topL("allocation by class (MB sampled weight)", alloc, 30, allocTotal);
        topL("allocation by site", allocSite, 40, allocTotal);
        topL("monitor enter (ms)", lockSite, 15, 0);
        topL("park (ms)", parkSite, 15, 0);
    }
    static String name(RecordedFrame f) { return f.getMethod().getType().getName() + "." + f.getMethod().getName(); }
    static String site(RecordedStackTrace st, int skip) {
        return st.getFrames().stream().limit(6).map(JfrTop::name).map(n -> n.replaceAll("^(java\\.util\\.|java\\.lang\\.)", "")).collect(Collectors.joining(" < "));
    }
    static void top(String title, Map<String, Integer> m, int n, int total) {
        System.out.println("== " + title);
        m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(en -> System.out.printf("%6d %5.1f%%  %s%n", en.getValue(), 100.0 * en.getValue() / Math.max(1, total), en.getKey()));
    }
    static void topL(String title, Map<String, Long> m, int n, long total) {
        System.out.println("== " + title);
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(en -> System.out.printf("%10.1f %5.1f%%  %s%n", en.getValue() / 1e6, total == 0 ? 0 : 100.0 * en.getValue() / total, en.getKey()));
    }
}
