package io.cobench.benchmark.run;

import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.PretrainKey;
import io.cobench.benchmark.store.ResultsStore;
import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Stands in for the trainer in grid tests: writes a seeded random encoder as encoder.sd and
 * DONE, and counts the runs it was asked for.
 */
final class FakePretrainer implements Pretrainer {
    final List<String> runs = new ArrayList<>();

    @Override
    public synchronized void pretrain(PretrainKey key, GridConfig grid, Path runDir) {
        runs.add(key.runId());
        ResultsStore.begin(runDir);
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 1000 + key.seed());
        SDVariable in = sd.placeHolder("image", DataType.FLOAT, -1, grid.encoder().channels(),
                grid.encoder().imageSize(), grid.encoder().imageSize());
        ResNet.build(ctx.scope("encoder"), in, grid.encoder());
        sd.save(runDir.resolve("encoder.sd").toFile(), false);
        ResultsStore.finish(runDir);
    }
}
