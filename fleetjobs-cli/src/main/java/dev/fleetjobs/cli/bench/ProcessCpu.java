package dev.fleetjobs.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used, read at the edges of a measured window: on a shared machine the CPU
 * a request costs is steadier than how many requests fit in a second. This process's own comes from
 * the JVM; another's ({@code --server-pid}) from {@code /proc/PID/stat} (Linux, 10 ms ticks).
 */
interface ProcessCpu {

    /** CPU nanoseconds used so far, user and system. */
    long nanos();

    /** What is counted, for the report. */
    String scope();

    static ProcessCpu self(String scope) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new ProcessCpu() {
            @Override
            public long nanos() {
                return os.getProcessCpuTime();
            }

            @Override
            public String scope() {
                return scope;
            }
        };
    }

    static ProcessCpu of(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        ProcessCpu cpu = new ProcessCpu() {
            // USER_HZ, which the kernel fixes at 100 for the stat file on every common architecture
            private static final long NANOS_PER_TICK = 10_000_000L;

            @Override
            public long nanos() {
                try {
                    String line = Files.readString(stat);
                    // the command name (field 2) may hold spaces and parentheses: count from the last ')'
                    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
                } catch (IOException | RuntimeException e) {
                    throw new BenchUsageException("Cannot read the CPU time of process " + pid + " from " + stat + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String scope() {
                return "server process " + pid;
            }
        };
        cpu.nanos();
        return cpu;
    }
}
