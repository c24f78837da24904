package io.cobench.perf;

import io.cobench.engine.ConvBackward;
import io.cobench.engine.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times the two routes of a convolution's backward pass ({@code conv2d_bp} against
 * {@link ConvBackward}) on every distinct convolution of a ResNet-18, alternating the two in one
 * process and keeping each one's fastest call, which a busy machine disturbs least. The rule
 * {@link ConvBackward} applies comes from these tables.
 *
 * <p>usage: {@code java -cp <cobench classpath> io.cobench.bench.ConvProbe batch size width channels [reps]}
 */
public final class ConvProbe {
    private ConvProbe() {
    }

    /** One convolution of the network: input shape, output channels, kernel, stride, padding, count. */
    record Layer(long n, long cin, long h, long cout, int k, int s, int p, int count) {
        long outH() {
            return (h + 2L * p - k) / s + 1;
        }
    }

    static List<Layer> resnet18(long batch, long size, long width, long channels) {
        List<Layer> out = new ArrayList<>();
        out.add(new Layer(batch, channels, size, width, 7, 2, 3, 1));
        long h = ((size + 6 - 7) / 2 + 1 + 2 - 3) / 2 + 1;
        long c = width;
        for (int stage = 0; stage < 4; stage++) {
            long cout = width << stage;
            if (stage == 0) {
                out.add(new Layer(batch, c, h, cout, 3, 1, 1, 4));
            } else {
                out.add(new Layer(batch, c, h, cout, 3, 2, 1, 1));
                out.add(new Layer(batch, c, h, cout, 1, 2, 0, 1));
                h = (h + 2 - 3) / 2 + 1;
                out.add(new Layer(batch, cout, h, cout, 3, 1, 1, 3));
            }
            c = cout;
        }
        return out;
    }

    public static void main(String[] args) {
        Engine.start(System.err);
        long batch = Long.parseLong(args[0]);
        long size = Long.parseLong(args[1]);
        long width = Long.parseLong(args[2]);
        long channels = Long.parseLong(args[3]);
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 7;
        Nd4j.getRandom().setSeed(1);
        double nativeTotal = 0;
        double composedTotal = 0;
        double bestTotal = 0;
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %9s %9s%n", "layer (N,iC,H -> oC,oH k s)", "native ms",
                "composed", "max |dW|", "max |dx|");
        for (Layer l : resnet18(batch, size, width, channels)) {
            INDArray x = Nd4j.randn(DataType.FLOAT, l.n, l.cin, l.h, l.h);
            INDArray w = Nd4j.randn(DataType.FLOAT, l.k, l.k, l.cin, l.cout);
            INDArray dy = Nd4j.randn(DataType.FLOAT, l.n, l.cout, l.outH(), l.outH());
            long[] i = {l.k, l.k, l.s, l.s, l.p, l.p, 1, 1, 0, 0};
            INDArray gi1 = Nd4j.create(DataType.FLOAT, x.shape());
            INDArray gw1 = Nd4j.create(DataType.FLOAT, w.shape());
            INDArray gi2 = Nd4j.create(DataType.FLOAT, x.shape());
            INDArray gw2 = Nd4j.create(DataType.FLOAT, w.shape());
            // the native op under the session's kernel choice: libnd4j's own kernel on maps of 2x2 or less
            boolean nativeOneDnn = l.h > 2;
            long bestNative = Long.MAX_VALUE;
            long bestComposed = Long.MAX_VALUE;
            for (int r = 0; r < reps + 2; r++) {
                long t0 = System.nanoTime();
                io.cobench.engine.ConvBackward.nativeBackward(x, w, dy, i, gi1, gw1, nativeOneDnn);
                long t1 = System.nanoTime();
                ConvBackward.run(x, w, dy, i, gi2, gw2, true);
                long t2 = System.nanoTime();
                if (r >= 2) {
                    bestNative = Math.min(bestNative, t1 - t0);
                    bestComposed = Math.min(bestComposed, t2 - t1);
                }
            }
            double dW = gw1.sub(gw2).amaxNumber().doubleValue() / Math.max(1e-30, gw1.amaxNumber().doubleValue());
            double dX = gi1.sub(gi2).amaxNumber().doubleValue() / Math.max(1e-30, gi1.amaxNumber().doubleValue());
            String name = String.format(Locale.ROOT, "%d,%d,%d -> %d,%d k%d s%d x%d", l.n, l.cin, l.h, l.cout, l.outH(),
                    l.k, l.s, l.count);
            System.out.printf(Locale.ROOT, "%-34s %10.3f %10.3f %9.1e %9.1e%n", name, bestNative / 1e6,
                    bestComposed / 1e6, dW, dX);
            nativeTotal += l.count * bestNative / 1e6;
            composedTotal += l.count * bestComposed / 1e6;
            bestTotal += l.count * Math.min(bestNative, bestComposed) / 1e6;
        }
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("native_ms_per_step", StepBenchmark.round(nativeTotal, 2));
        sum.put("composed_ms_per_step", StepBenchmark.round(composedTotal, 2));
        sum.put("best_ms_per_step", StepBenchmark.round(bestTotal, 2));
        System.out.println(sum);
    }

}
