package io.cobench.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process from /proc (Linux), as the PyTorch script reports it. */
public final class Memory {
    private Memory() {
    }

    /** Peak resident set size in MB (VmHWM), or -1 where /proc is absent. */
    public static long peakRssMb() {
        return field("VmHWM:");
    }

    /** Current resident set size in MB (VmRSS), or -1 where /proc is absent. */
    public static long rssMb() {
        return field("VmRSS:");
    }

    private static long field(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    String[] parts = line.substring(key.length()).trim().split("\\s+");
                    return Math.round(Long.parseLong(parts[0]) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
