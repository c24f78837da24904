package io.cobench.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first GPU's name and compute capability as nvidia-smi reports them, read without loading
 * any CUDA library.
 */
record GpuProbe(String name, int computeCapability) {

    /** Asks nvidia-smi; null when it is missing, fails or prints something unexpected. */
    static GpuProbe query() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? parse(out.lines().toList()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Parses the first line of {@code name, major.minor}; null if it is not that. */
    static GpuProbe parse(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        String line = lines.get(0).trim();
        int comma = line.lastIndexOf(',');
        if (comma < 0) {
            return null;
        }
        String[] cc = line.substring(comma + 1).trim().split("\\.");
        try {
            if (cc.length != 2) {
                return null;
            }
            return new GpuProbe(line.substring(0, comma).trim(), Integer.parseInt(cc[0]) * 10 + Integer.parseInt(cc[1]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
