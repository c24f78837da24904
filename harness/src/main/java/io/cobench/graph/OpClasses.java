package io.cobench.graph;

import java.lang.reflect.Field;
import java.util.Map;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tells SameDiff which Java class stands for a libnd4j custom op when it clones a graph.
 *
 * <p>SameDiff builds the gradient function from a FlatBuffers copy of the graph, and the copy
 * instantiates each custom op from the class registered for the op's hash. Our op classes
 * ({@link FusedBatchNorm}, {@link Relu}) carry their own backward pass, so the copy must be made
 * of them and not of ND4J's classes for the same native op.
 */
final class OpClasses {
    private OpClasses() {
    }

    /** Registers {@code classes} (op name to class); fails loudly on an ND4J without these internals. */
    @SuppressWarnings("unchecked")
    static synchronized void register(Map<String, Class<?>> classes) {
        try {
            DifferentialFunctionClassHolder holder = DifferentialFunctionClassHolder.getInstance();
            Field single = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClass");
            Field multi = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClasses");
            single.setAccessible(true);
            multi.setAccessible(true);
            Map<Long, Class<?>> one = (Map<Long, Class<?>>) single.get(holder);
            Map<Long, Map<String, Class<?>>> many = (Map<Long, Map<String, Class<?>>>) multi.get(holder);
            for (Map.Entry<String, Class<?>> e : classes.entrySet()) {
                long hash = Nd4j.getExecutioner().getCustomOperations().get(e.getKey()).getHash();
                one.put(hash, e.getValue());
                if (many.containsKey(hash)) {
                    many.get(hash).put(e.getKey(), e.getValue());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot register op classes " + classes.keySet()
                    + " with this ND4J version", e);
        }
    }
}
