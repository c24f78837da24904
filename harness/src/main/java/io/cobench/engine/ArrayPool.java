package io.cobench.engine;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.internal.SessionMemMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays one {@link RecyclingSession} hands to ops, kept for reuse once the session has
 * proven them dead.
 *
 * <p>ND4J's own memory manager is switched off for gradient graphs in M2.1, so every op output
 * was a fresh native allocation (which libnd4j zero-fills) freed only by the garbage collector.
 * Here arrays come back through {@link #recycle} alone; ND4J's {@code release} calls are ignored
 * because its dependency tracker cannot tell when an array is dead.
 */
final class ArrayPool implements SessionMemMgr {
    /** Free arrays not asked for during this many calls of the session are closed. */
    static final int IDLE_CALLS = 3;

    private record Key(DataType type, char order, long[] shape, int hash) {
        static Key of(DataType type, char order, long[] shape) {
            return new Key(type, order, shape, (type.hashCode() * 31 + order) * 31 + Arrays.hashCode(shape));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.type == type && k.order == order && Arrays.equals(k.shape, shape);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Shelf {
        final ArrayDeque<INDArray> arrays = new ArrayDeque<>();
        long lastAsked;
    }

    private final Map<Key, Shelf> shelves = new HashMap<>();
    private final Set<INDArray> issuedSinceMark = Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean poison;
    private long call;

    private final java.util.concurrent.atomic.AtomicLong reusedCounter;

    ArrayPool(boolean poison, java.util.concurrent.atomic.AtomicLong reusedCounter) {
        this.poison = poison;
        this.reusedCounter = reusedCounter;
    }

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        return take(dataType, Nd4j.order(), shape);
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor d) {
        if (d.isEmpty()) {
            return Nd4j.create(d);
        }
        return take(d.dataType(), d.getOrder(), d.getShape());
    }

    @Override
    public INDArray ulike(INDArray arr) {
        return take(arr.dataType(), arr.ordering(), arr.shape());
    }

    @Override
    public INDArray dup(INDArray arr) {
        return ulike(arr).assign(arr);
    }

    /** Ignored: liveness is decided by {@link RecyclingSession}, see the class comment. */
    @Override
    public void release(INDArray array) {
    }

    @Override
    public void close() {
        for (Shelf s : shelves.values()) {
            s.arrays.forEach(INDArray::close);
        }
        shelves.clear();
    }

    private INDArray take(DataType type, char order, long[] shape) {
        Key key = Key.of(type, order, shape.clone());
        Shelf shelf = shelves.computeIfAbsent(key, k -> new Shelf());
        shelf.lastAsked = call;
        INDArray a = shelf.arrays.pollLast();
        while (a != null && a.wasClosed()) {
            a = shelf.arrays.pollLast(); // closed elsewhere after it came back: its memory is gone
        }
        if (a != null) {
            reusedCounter.incrementAndGet();
            if (poison) {
                poison(a);
            }
        } else {
            a = Nd4j.createUninitializedDetached(type, order, shape);
        }
        issuedSinceMark.add(a);
        return a;
    }

    /** Stale values where an op assumed zeroed memory show up as NaN in tests. */
    private static void poison(INDArray a) {
        if (a.dataType().isFPType()) {
            a.assign(Double.NaN);
        } else if (a.dataType().isIntType()) {
            a.assign(-123457);
        }
    }

    /** Arrays handed out since the previous call, which are therefore fresh for the op that ran. */
    Set<INDArray> takeIssued() {
        Set<INDArray> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(issuedSinceMark);
        issuedSinceMark.clear();
        return out;
    }

    /** Puts a dead array back; the caller guarantees no live value uses its memory. */
    void recycle(INDArray a) {
        Key key = Key.of(a.dataType(), a.ordering(), a.shape());
        shelves.computeIfAbsent(key, k -> new Shelf()).arrays.addLast(a);
    }

    /** Starts a session call: closes arrays whose shape nobody asked for lately. */
    void beginCall() {
        call++;
        issuedSinceMark.clear();
        for (Iterator<Shelf> it = shelves.values().iterator(); it.hasNext(); ) {
            Shelf s = it.next();
            if (call - s.lastAsked > IDLE_CALLS) {
                s.arrays.forEach(INDArray::close);
                it.remove();
            }
        }
    }
}
