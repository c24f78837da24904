package io.cobench.benchmark.store;

import io.cobench.engine.Engine;
import io.cobench.provenance.BuildInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * provenance.json of an evaluation: what was run (resolved config, seeds, data fingerprint,
 * pretraining run) and on what (code version, git state, engine, device, JVM, OS, times).
 */
public final class Provenance {
    private static volatile Map<String, Object> git;

    private Provenance() {
    }

    /**
     * Assembles the record.
     *
     * @param config the cell's resolved config
     * @param seeds the master seed and every seed derived from it, by purpose
     * @param data dataset fingerprint (file lists and split hashes)
     * @param pretrainRun the pretraining run the cell used, or null
     */
    public static Map<String, Object> of(Object config, Map<String, Long> seeds, Map<String, Object> data,
                                         String pretrainRun, Instant start, Instant end) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", config);
        m.put("seeds", seeds);
        m.put("data", data);
        m.put("pretrain_run", pretrainRun);
        m.put("code", code());
        m.put("engine", engine());
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("start", start.toString());
        m.put("end", end.toString());
        return m;
    }

    private static Map<String, Object> engine() {
        Engine.EngineInfo e = Engine.start(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nd4j_version", BuildInfo.nd4jVersion());
        m.put("backend", e.backend());
        m.put("artifact", e.artifact());
        m.put("device", e.device());
        m.put("threads", e.threads());
        return m;
    }

    private static Map<String, Object> code() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", BuildInfo.version());
        m.putAll(git());
        return m;
    }

    /** The working directory's git commit and dirty flag, read once per process. */
    static Map<String, Object> git() {
        if (git == null) {
            Map<String, Object> g = new LinkedHashMap<>();
            String commit = run("git", "rev-parse", "HEAD");
            String status = commit == null ? null : run("git", "status", "--porcelain", "--untracked-files=no");
            g.put("git_commit", commit == null ? "unknown (not a git checkout)" : commit.trim());
            g.put("git_dirty", status == null ? null : !status.isBlank());
            git = g;
        }
        return git;
    }

    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
