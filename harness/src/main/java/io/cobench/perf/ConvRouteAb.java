package io.cobench.perf;

import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.engine.ConvBackward;
import io.cobench.engine.Engine;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.OptimizerConfig;
import io.cobench.train.TrainConfig;
import io.cobench.train.TrainingSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Same-process A/B of the convolution backward routes in the benchmark's training step: steps
 * alternate between the measured rule ({@link ConvBackward.Route#AUTO}) and {@code conv2d_bp}
 * everywhere ({@link ConvBackward.Route#NATIVE}) in one JVM, so that both see the same machine
 * state; separate runs on a shared machine differ by more than the effect.
 *
 * <p>usage: {@code java -cp <cobench classpath> io.cobench.bench.ConvRouteAb batch size width channels [pairs]}
 */
public final class ConvRouteAb {
    private ConvRouteAb() {
    }

    public static void main(String[] args) {
        Engine.start(System.err);
        int batch = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]);
        int width = Integer.parseInt(args[2]);
        int channels = Integer.parseInt(args[3]);
        int pairs = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        ResNetConfig enc = new ResNetConfig(18, width, channels, size);
        long total = 2L * pairs + 4;
        TrainConfig tc = new TrainConfig(1, total, batch, 0, OptimizerConfig.sgd(0.01, 0.9, 0.0), 0, 1, 1);
        TrainingSession s = new TrainingSession(new StepBenchmark.Classifier(), enc, tc, total);
        Nd4j.getRandom().setSeed(0);
        INDArray x = Nd4j.randn(DataType.FLOAT, batch, channels, size, size);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 10);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % 10, 1.0);
        }
        Map<String, INDArray> in = Map.of(TwoViewTransform.VIEW1, x, "labels", y);
        ConvBackward.Route[] routes = {ConvBackward.Route.AUTO, ConvBackward.Route.NATIVE};
        List<List<Double>> wall = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>());
        long step = 0;
        for (int p = -2; p < pairs; p++) {
            for (int k = 0; k < 2; k++) {
                // which route goes first alternates, so neither always follows the collection
                int r = (p & 1) == 0 ? k : 1 - k;
                ConvBackward.route(routes[r]);
                System.gc(); // outside the timing: the routes differ in the garbage they leave
                long c0 = CpuTime.processNanos();
                long t0 = System.nanoTime();
                s.step(step++, in);
                if (p >= 0) {
                    wall.get(r).add((System.nanoTime() - t0) / 1e6);
                    cpu.get(r).add((CpuTime.processNanos() - c0) / 1e6);
                }
            }
        }
        for (int r = 0; r < 2; r++) {
            System.out.printf(Locale.ROOT, "%-6s wall ms: median %.1f min %.1f; cpu ms: median %.1f%n", routes[r],
                    median(wall.get(r)), Collections.min(wall.get(r)), median(cpu.get(r)));
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
