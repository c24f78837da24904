package io.cobench.train;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The optimiser's arithmetic on float arrays, done in Java on the arrays' own memory.
 *
 * <p>Why: a ResNet-18 has about 60 parameters and most are small (a width-8 network's largest
 * holds 37k floats, its batch-norm vectors 8-64). Every ND4J call costs about 20 us from Java
 * whatever the array's size, so the updates, gradient norms and running statistics of one
 * width-8 step took about 9 ms in some 350 calls, more than a third of PyTorch's whole step
 * (docs/performance-notes.md). A loop over a few thousand floats takes a few microseconds.
 * Arrays above a size limit, and any that are not plain contiguous floats (views, doubles), stay
 * with ND4J.
 *
 * <p>Which route an array takes depends only on its type, size and layout, so a run and its
 * resume from a checkpoint compute the same bits. The two routes agree to float rounding (the
 * Java route never fuses a multiply and an add that ND4J rounds separately; BLAS axpy may fuse
 * them, so {@code y += a x} uses {@link Math#fma} here).
 */
final class FloatLoops {
    /**
     * Arrays of at most this many elements take the Java route; 0 sends every array to ND4J
     * (system property {@code cobench.update.javaMax}). The default takes every ResNet-18
     * parameter: even the 2.4M-float layer-4 weights of a width-64 network updated faster in
     * one Java loop than in ND4J's calls on two cores (all updates of that step: 6 against 15 ms).
     */
    static volatile long max = Math.min(Long.getLong("cobench.update.javaMax", 1L << 24), Integer.MAX_VALUE);

    private FloatLoops() {
    }

    /** Whether all of {@code arrays} take the Java route: float, contiguous, same length and order, small. */
    static boolean java(INDArray... arrays) {
        long n = arrays[0].length();
        if (n > max) {
            return false;
        }
        char order = arrays[0].ordering();
        for (INDArray a : arrays) {
            if (a.dataType() != DataType.FLOAT || a.isView() || a.length() != n || a.ordering() != order
                    || a.data().length() < a.offset() + n) {
                return false;
            }
        }
        return true;
    }

    /** The array's floats in memory order (a view of its native buffer, not a copy). */
    static FloatBuffer floats(INDArray a) {
        FloatBuffer b = a.data().asNioFloat();
        return a.offset() == 0 ? b : b.position((int) a.offset()).slice();
    }

    /** The sum of squares of {@code a}'s elements. */
    static double sumSquares(INDArray a) {
        if (!java(a)) {
            double n = a.norm2Number().doubleValue();
            return n * n;
        }
        FloatBuffer b = floats(a);
        double s = 0;
        for (int i = 0, n = (int) a.length(); i < n; i++) {
            double x = b.get(i);
            s += x * x;
        }
        return s;
    }

    /** {@code a *= s}, in place. */
    static void scale(INDArray a, double s) {
        if (!java(a)) {
            a.muli(s);
            return;
        }
        FloatBuffer b = floats(a);
        float f = (float) s;
        for (int i = 0, n = (int) a.length(); i < n; i++) {
            b.put(i, b.get(i) * f);
        }
    }

    /** {@code y += a x}, in place, as BLAS axpy; {@code y} and {@code x} must both take the Java route. */
    static void axpy(FloatBuffer y, double a, FloatBuffer x, int n) {
        float f = (float) a;
        for (int i = 0; i < n; i++) {
            y.put(i, Math.fma(f, x.get(i), y.get(i)));
        }
    }

    /** {@code y = y * keep + x * take}, in place: running statistics and target networks. */
    static void blend(INDArray y, double keep, INDArray x, double take) {
        if (!java(y, x)) {
            y.muli(keep).addi(x.mul(take));
            return;
        }
        FloatBuffer yb = floats(y);
        FloatBuffer xb = floats(x);
        float k = (float) keep;
        float t = (float) take;
        for (int i = 0, n = (int) y.length(); i < n; i++) {
            yb.put(i, yb.get(i) * k + xb.get(i) * t);
        }
    }
}
