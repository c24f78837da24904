package io.cobench.perf;

import java.lang.management.ManagementFactory;

/**
 * CPU time of the whole process, native threads included. On a shared machine wall time per op
 * mostly measures how long the scheduler kept our threads off the cores; CPU time measures the
 * work, so profiles taken while other jobs run can still be compared with each other.
 */
final class CpuTime {
    private static final com.sun.management.OperatingSystemMXBean OS =
            ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);

    private CpuTime() {
    }

    /** Nanoseconds of CPU used by all threads of this process so far. */
    static long processNanos() {
        return OS.getProcessCpuTime();
    }
}
