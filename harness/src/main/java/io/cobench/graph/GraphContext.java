package io.cobench.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where graph blocks are built: the SameDiff instance, the name scope, train or eval mode, and
 * the registry of what the harness must manage besides gradients (batch-norm running statistics,
 * variables that no optimiser may touch).
 *
 * <p>Names are the contract for checkpoints, weight transfer and freezing, so every variable is
 * created through {@link #var} under the current scope: {@code online/encoder/layer1/0/conv1/W}.
 */
public final class GraphContext {

    /** Training uses batch statistics in BN; eval uses the running statistics. */
    public enum Mode { TRAIN, EVAL }

    /** A batch-norm layer, so the harness can update running statistics after each step. */
    public record BnLayer(String runningMean, String runningVar, SDVariable batchMean, SDVariable batchVar,
                          double momentum) {
    }

    private static final class Registry {
        final List<BnLayer> bn = new ArrayList<>();
        final Set<String> nonTrainable = new LinkedHashSet<>();
        /**
         * Initial values come from a Java generator: in ND4J M2.1 a re-seeded Nd4j.getRandom()
         * repeats only its first draw (later randn/rand calls differ from run to run), so equal
         * seeds would not give equal weights.
         */
        SplittableRandom rng = new SplittableRandom(0);
    }

    private final SameDiff sd;
    private final Mode mode;
    private final String prefix;
    private final Registry registry;
    private final int bnGroups;

    private GraphContext(SameDiff sd, Mode mode, String prefix, Registry registry) {
        this(sd, mode, prefix, registry, 1);
    }

    private GraphContext(SameDiff sd, Mode mode, String prefix, Registry registry, int bnGroups) {
        this.sd = sd;
        this.mode = mode;
        this.prefix = prefix;
        this.registry = registry;
        this.bnGroups = bnGroups;
    }

    /** A fresh root context; seeds ND4J's generator so weight initialisation is reproducible. */
    public static GraphContext create(SameDiff sd, Mode mode, long seed) {
        io.cobench.engine.RecyclingSession.install();
        Nd4j.getRandom().setSeed(seed);
        Registry r = new Registry();
        r.rng = new SplittableRandom(seed);
        return new GraphContext(sd, mode, "", r);
    }

    public SameDiff sd() {
        return sd;
    }

    public Mode mode() {
        return mode;
    }

    public boolean training() {
        return mode == Mode.TRAIN;
    }

    /** The same graph and registry, one scope deeper. */
    public GraphContext scope(String name) {
        return new GraphContext(sd, mode, prefix + name + "/", registry, bnGroups);
    }

    /**
     * This context with training-mode batch norm computed over {@code groups} equal, contiguous
     * sub-batches instead of the whole batch: one device's stand-in for BN computed per GPU, as
     * MoCo's shuffled key encoder has it. The batch size must be a multiple of {@code groups}.
     * Eval mode is unaffected (it uses running statistics).
     */
    public GraphContext withBnGroups(int groups) {
        if (groups < 1) {
            throw new IllegalArgumentException("BN groups must be >= 1, got " + groups);
        }
        return new GraphContext(sd, mode, prefix, registry, groups);
    }

    /** Sub-batches over which training-mode batch norm is computed (1 = the whole batch). */
    public int bnGroups() {
        return bnGroups;
    }

    /** The same graph, scope and registry, in another mode (a target branch built in eval mode, say). */
    public GraphContext withMode(Mode m) {
        return new GraphContext(sd, m, prefix, registry, bnGroups);
    }

    public String prefix() {
        return prefix;
    }

    /** The fully qualified name of {@code local} in this scope. */
    public String name(String local) {
        return prefix + local;
    }

    /** Creates a variable under this scope, initialised with {@code init}. */
    public SDVariable var(String local, INDArray init) {
        return sd.var(name(local), init);
    }

    /** He-normal weights (fan-in), the default for convolutions and linear layers before ReLU. */
    public SDVariable heNormal(String local, long fanIn, long... shape) {
        double sd = Math.sqrt(2.0 / fanIn);
        return var(local, fill(shape, () -> registry.rng.nextGaussian() * sd));
    }

    /** Uniform(-1/sqrt(fanIn), 1/sqrt(fanIn)), PyTorch's default for linear layers and biases. */
    public SDVariable uniformFanIn(String local, long fanIn, long... shape) {
        double b = 1.0 / Math.sqrt(fanIn);
        return var(local, fill(shape, () -> (2 * registry.rng.nextDouble() - 1) * b));
    }

    /**
     * Standard-normal values times {@code std} from this graph's seeded generator, for initial
     * state that is not a plain weight (queues, discriminators); Nd4j's global generator is
     * neither reproducible after re-seeding in M2.1 nor safe to share between parallel workers.
     */
    public INDArray gaussian(double std, long... shape) {
        return fill(shape, () -> registry.rng.nextGaussian() * std);
    }

    /** Uniform values in [lo, hi) from this graph's seeded generator. */
    public INDArray uniform(double lo, double hi, long... shape) {
        return fill(shape, () -> lo + (hi - lo) * registry.rng.nextDouble());
    }

    private static INDArray fill(long[] shape, java.util.function.DoubleSupplier draw) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = draw.getAsDouble();
        }
        return Nd4j.create(v, shape, 'c').castTo(Nd4j.defaultFloatingPointType());
    }

    public SDVariable zeros(String local, long... shape) {
        return var(local, Nd4j.zeros(Nd4j.defaultFloatingPointType(), shape));
    }

    public SDVariable ones(String local, long... shape) {
        return var(local, Nd4j.ones(Nd4j.defaultFloatingPointType(), shape));
    }

    /** A variable that the optimisers never update (running statistics, queues, codebooks under EMA). */
    public SDVariable state(String local, INDArray init) {
        SDVariable v = var(local, init);
        registry.nonTrainable.add(v.name());
        return v;
    }

    public void registerBn(BnLayer layer) {
        registry.bn.add(layer);
        registry.nonTrainable.add(layer.runningMean());
        registry.nonTrainable.add(layer.runningVar());
    }

    public void markNonTrainable(String fullName) {
        registry.nonTrainable.add(fullName);
    }

    public List<BnLayer> bnLayers() {
        return Collections.unmodifiableList(registry.bn);
    }

    public Set<String> nonTrainable() {
        return Collections.unmodifiableSet(registry.nonTrainable);
    }
}
