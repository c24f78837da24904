package io.cobench.benchmark.store;

import io.cobench.engine.Engine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * provenance.json of an evaluation: what was run (resolved config, seeds, data fingerprint,
 * pretraining run) and on what (the harness's environment record: code version and git state,
 * engine, device, JVM, OS), with start and end times.
 */
public final class Provenance {
    private static volatile Map<String, Object> environment;

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
        m.put("kind", "eval");
        m.put("config", config);
        m.put("seeds", seeds);
        m.put("data", data);
        m.put("pretrain_run", pretrainRun);
        m.put("environment", environment());
        m.put("start", start.toString());
        m.put("end", end.toString());
        return m;
    }

    /** The environment does not change within a process; git is asked once. */
    private static Map<String, Object> environment() {
        if (environment == null) {
            environment = io.cobench.provenance.Environment.of(Engine.start(null).facts());
        }
        return environment;
    }
}
