package io.cobench.benchmark.run;

import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.PretrainKey;
import java.nio.file.Path;

/**
 * Pretrains one encoder into a run directory of the store (provenance.json, config.yaml,
 * metrics.jsonl, encoder.sd, then DONE). The harness trainer implements it; the grid only asks.
 */
public interface Pretrainer {

    /**
     * Runs (or resumes) the pretraining of {@code key} into {@code runDir}. On return the
     * directory holds encoder.sd and DONE.
     */
    void pretrain(PretrainKey key, GridConfig grid, Path runDir);
}
