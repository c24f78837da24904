package io.cobench.perf;

import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.graph.GraphContext;
import io.cobench.graph.Layers;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.SslMethod;
import io.cobench.spi.TrainGraph;
import io.cobench.spi.OptimizerConfig;
import io.cobench.train.TrainConfig;
import io.cobench.train.TrainingSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ResNet-18 training step of ../shared/bench/torch_resnet18.py, run through the harness's
 * own step (TrainingSession): ResNet + 10-way linear head, softmax cross-entropy, SGD with
 * momentum 0.9 at lr 0.01, a fixed random batch. Reports the median step time.
 */
public final class StepBenchmark {

    /** Arguments, matching the PyTorch script's. */
    public record Args(int batch, int size, int channels, int width, int steps, int warmup, int gcEvery,
                       java.util.Set<Integer> rssAt, boolean profile) {
    }

    /** Supervised classification as a method, so the benchmark times the real training step. */
    static final class Classifier implements SslMethod {
        @Override
        public String name() {
            return "bench-classifier";
        }

        @Override
        public Record config() {
            return null;
        }

        @Override
        public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
            SameDiff sd = ctx.sd();
            SDVariable x = sd.placeHolder(TwoViewTransform.VIEW1, DataType.FLOAT, -1, enc.channels(), enc.imageSize(), enc.imageSize());
            SDVariable y = sd.placeHolder("labels", DataType.FLOAT, -1, 10);
            ResNet.Features f = ResNet.build(ctx.scope("encoder"), x, enc);
            SDVariable logits = Layers.linear(ctx.scope("head"), "fc", f.pooled(), f.channels(), 10, true);
            SDVariable loss = sd.loss().softmaxCrossEntropy("loss", y, logits, null);
            return TrainGraph.simple(Map.of("loss", loss.name()), List.of(), Map.of());
        }
    }

    private StepBenchmark() {
    }

    public static Map<String, Object> run(Args a) {
        ResNetConfig enc = new ResNetConfig(18, a.width(), a.channels(), a.size());
        long total = a.warmup() + a.steps();
        if (!a.rssAt().isEmpty() && java.util.Collections.max(a.rssAt()) > total) {
            throw new io.cobench.cli.UserError("--rss-at " + a.rssAt() + " goes beyond the " + total + " steps run");
        }
        TrainConfig tc = new TrainConfig(1, total, a.batch(), 0,
                OptimizerConfig.sgd(0.01, 0.9, 0.0), 0, 1, Math.max(0, a.gcEvery()));
        TrainingSession s = new TrainingSession(new Classifier(), enc, tc, total);
        Nd4j.getRandom().setSeed(0);
        INDArray x = Nd4j.randn(DataType.FLOAT, a.batch(), a.channels(), a.size(), a.size());
        INDArray y = Nd4j.zeros(DataType.FLOAT, a.batch(), 10);
        for (int i = 0; i < a.batch(); i++) {
            y.putScalar(i, i % 10, 1.0);
        }
        Map<String, INDArray> batch = Map.of(TwoViewTransform.VIEW1, x, "labels", y);
        OpTimer timer = a.profile() ? new OpTimer() : null;
        if (timer != null) {
            timer.enabled(a.warmup() == 0);
            s.sd().setListeners(timer);
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpuTimes = new ArrayList<>();
        long gcNanos = 0;
        io.cobench.train.GcPolicy gc = new io.cobench.train.GcPolicy(Math.max(0, a.gcEvery()));
        Map<String, Double> phasesAtWarmup = Map.of();
        Map<String, Long> rss = new java.util.TreeMap<>();
        for (long step = 0; step < total; step++) {
            long c0 = CpuTime.processNanos();
            long t0 = System.nanoTime();
            if (timer != null) {
                timer.beginStep();
            }
            s.step(step, batch);
            if (timer != null) {
                timer.endStep();
            }
            long g0 = System.nanoTime();
            if (gc.afterStep(step) && step >= a.warmup()) {
                gcNanos += System.nanoTime() - g0;
            }
            double dt = (System.nanoTime() - t0) / 1e9;
            double cpu = (CpuTime.processNanos() - c0) / 1e9;
            if (step + 1 == a.warmup()) {
                phasesAtWarmup = s.phaseSeconds();
            }
            if (step >= a.warmup()) {
                times.add(dt);
                cpuTimes.add(cpu);
            }
            if (timer != null && step + 1 == a.warmup()) {
                timer.enabled(true);
            }
            if (a.rssAt().contains((int) (step + 1))) {
                rss.put(String.valueOf(step + 1), Memory.rssMb());
            }
        }
        Collections.sort(times);
        int n = times.size();
        double med = n % 2 == 1 ? times.get(n / 2) : (times.get(n / 2 - 1) + times.get(n / 2)) / 2;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine", "samediff");
        out.put("version", io.cobench.provenance.BuildInfo.nd4jVersion());
        out.put("artifact", io.cobench.provenance.BuildInfo.nd4jArtifact());
        out.put("threads", Runtime.getRuntime().availableProcessors());
        out.put("batch", a.batch());
        out.put("size", a.size());
        out.put("channels", a.channels());
        out.put("width", a.width());
        out.put("s_per_step", round(med, 4));
        // with System.gc() every few steps the step times alternate, and the mean is the throughput
        out.put("s_per_step_mean", round(times.stream().mapToDouble(Double::doubleValue).average().orElse(0), 4));
        out.put("gc_every", a.gcEvery());
        out.put("s_per_step_min", round(times.get(0), 4));
        out.put("s_per_step_max", round(times.get(n - 1), 4));
        out.put("img_per_s", round(a.batch() / med, 2));
        // CPU seconds of all threads per step (median): comparable between runs on a busy machine
        Collections.sort(cpuTimes);
        out.put("cpu_s_per_step", round(n % 2 == 1 ? cpuTimes.get(n / 2) : (cpuTimes.get(n / 2 - 1) + cpuTimes.get(n / 2)) / 2, 4));
        out.put("peak_rss_mb", Memory.peakRssMb());
        out.put("batch_norm", io.cobench.graph.Layers.bnImpl().name().toLowerCase(java.util.Locale.ROOT));
        if (timer != null) {
            out.put("op_s_per_step", round(timer.opSecondsPerStep(a.steps()), 4));
            out.put("op_cpu_s_per_step", round(timer.opCpuSecondsPerStep(a.steps()), 4));
            out.put("graph_s_per_step", round(timer.graphSecondsPerStep(a.steps()), 4));
            Map<String, Object> phases = new LinkedHashMap<>();
            Map<String, Double> before = phasesAtWarmup;
            s.phaseSeconds().forEach((k, v) -> phases.put(k, round((v - before.getOrDefault(k, 0.0)) / a.steps(), 4)));
            out.put("phase_s_per_step", phases);
            out.put("gc_s_per_step", round(gcNanos / 1e9 / Math.max(1, a.steps()), 4));
            List<Map<String, Object>> ops = timer.table(a.steps());
            out.put("ops", ops.subList(0, Math.min(15, ops.size())));
            if (ops.isEmpty()) {
                // A replayed plan runs its ops without the session, so no listener sees them.
                System.err.println("profile: the steps were replayed from a graph plan, which calls no listeners, so there is"
                        + " no op table; COBENCH_JAVA_OPTS=-Dcobench.plan=false runs them through the session"
                        + " (phase_s_per_step splits the replayed step)");
            } else {
                System.err.print(timer.format(a.steps(), 25));
            }
        }
        if (!rss.isEmpty()) {
            out.put("rss_mb_at_step", rss);
        }
        return out;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
