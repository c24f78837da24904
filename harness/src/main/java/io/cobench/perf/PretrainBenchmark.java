package io.cobench.perf;

import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.data.pipeline.ViewTransform;
import io.cobench.graph.ResNetConfig;
import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import io.cobench.spi.SslMethod;
import io.cobench.train.TrainConfig;
import io.cobench.train.TrainingSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Pretraining throughput of a method at the scale its YAML gives, on one fixed random batch:
 * the model's cost alone, without the data pipeline (which {@code bench data} measures).
 */
public final class PretrainBenchmark {
    private PretrainBenchmark() {
    }

    public static Map<String, Object> run(RunConfig cfg, int steps, int warmup) {
        MethodRegistry reg = MethodRegistry.load();
        SslMethod m = reg.create(cfg.method(), cfg.params());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", cfg.method());
        ResNetConfig enc = cfg.encoder();
        out.put("size", enc.imageSize());
        out.put("width", enc.width());
        out.put("channels", enc.channels());
        out.put("batch", cfg.train().batchSize());
        if (!m.pretrains()) {
            out.put("pretrains", false);
            return out;
        }
        long total = warmup + steps;
        TrainConfig t = cfg.train();
        TrainConfig tc = new TrainConfig(1, total, t.batchSize(), t.seed(), t.optimizer(), 0, 1, t.gcEvery());
        TrainingSession s = new TrainingSession(m, enc, tc, total);
        Map<String, INDArray> batch = randomBatch(m, enc, t.batchSize());
        List<Double> times = new ArrayList<>();
        io.cobench.train.GcPolicy gc = new io.cobench.train.GcPolicy(t.gcEvery());
        for (long step = 0; step < total; step++) {
            long t0 = System.nanoTime();
            s.step(step, batch);
            gc.afterStep(step);
            if (step >= warmup) {
                times.add((System.nanoTime() - t0) / 1e9);
            }
        }
        Collections.sort(times);
        double med = times.get(times.size() / 2);
        out.put("s_per_step", StepBenchmark.round(med, 4));
        out.put("img_per_s", StepBenchmark.round(t.batchSize() / med, 2));
        out.put("peak_rss_mb", Memory.peakRssMb());
        return out;
    }

    /** Random arrays for every view the method's pipeline would deliver. */
    static Map<String, INDArray> randomBatch(SslMethod m, ResNetConfig enc, int batch) {
        Map<String, INDArray> b = new LinkedHashMap<>();
        Nd4j.getRandom().setSeed(1);
        List<ViewTransform.Output> outs = m.customViews(enc).map(v -> v.outputs(enc.channels(), enc.imageSize()))
                .orElse(List.of(new ViewTransform.Output(TwoViewTransform.VIEW1, enc.channels(), enc.imageSize(), enc.imageSize()),
                        new ViewTransform.Output(TwoViewTransform.VIEW2, enc.channels(), enc.imageSize(), enc.imageSize()),
                        new ViewTransform.Output("target", enc.channels(), enc.imageSize(), enc.imageSize())));
        for (ViewTransform.Output o : outs) {
            b.put(o.name(), Nd4j.rand(DataType.FLOAT, batch, o.channels(), o.height(), o.width()));
        }
        return b;
    }
}
