package io.cobench.benchmark;

import io.cobench.benchmark.grid.EvalSpec;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.TrainSpec;
import io.cobench.graph.ResNetConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Tiny grids for tests: width-4 encoders on 32-pixel images, a few optimiser steps per cell. */
public final class TestGrids {
    public static final ResNetConfig ENCODER = new ResNetConfig(18, 4, 1, 32);

    private TestGrids() {
    }

    public static EvalSpec eval() {
        TrainSpec lin = new TrainSpec(3e-3, 64, 20, 0, 0.01, 0, "cosine", 4, 0.0);
        TrainSpec ft = new TrainSpec(1e-3, 16, 1, 3, 0.01, 1.0, "cosine", 2, 0.0);
        return new EvalSpec(lin, ft, new EvalSpec.SegmentationSpec(ft, ft, 0.5, List.of(8, 8, 4, 4, 4)), ft);
    }

    public static GridConfig grid(List<String> methods, Map<String, List<Integer>> datasets, List<String> protocols,
                                  List<Integer> seeds, GridConfig.GradCamSpec gradcam) {
        return new GridConfig("test", methods, protocols, datasets, seeds, "val", ENCODER,
                new GridConfig.PretrainSpec(Path.of("../configs/cpu").toAbsolutePath().toString(), 1, 8, 0),
                eval(), new GridConfig.DataSpec(new GridConfig.PhantomSpec("unused", 32, 20, 0), Map.of(), 0.2),
                gradcam);
    }
}
