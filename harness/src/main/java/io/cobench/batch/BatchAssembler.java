package io.cobench.batch;

import io.cobench.data.pipeline.ViewTransform;
import io.cobench.data.pipeline.ImageStore;
import io.cobench.data.pipeline.Normalization;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds batches on a pool of worker threads and keeps the next few steps in flight. A batch is
 * a pure function of its step: the images come from {@code indices(step)} and each sample's
 * random stream from (seed, step, slot), so a prefetched batch equals one computed on demand,
 * and the thread count changes only the speed.
 */
final class BatchAssembler implements AutoCloseable {
    private final ImageStore images;
    private final ViewTransform transform;
    private final Normalization norm;
    private final List<ViewTransform.Output> outputs;
    private final LongFunction<int[]> indices;
    private final float[][] labels;
    private final long seed;
    private final int threads;
    private final int prefetch;
    private final long lastStep;
    private final ExecutorService pool;
    private final Map<Long, CompletableFuture<float[][]>> pending = new LinkedHashMap<>();
    private final ThreadLocal<float[][]> scratch;
    /** Batch buffers whose contents were already copied into arrays, for reuse (saves GC work). */
    private final java.util.concurrent.ConcurrentLinkedQueue<float[][]> spare =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * @param size edge of the stored images
     * @param labels per-image label vectors (index = image position) or null for none
     * @param lastStep the last valid step, or Long.MAX_VALUE
     */
    BatchAssembler(ImageStore images, int channels, int size, ViewTransform transform, Normalization norm,
                   LongFunction<int[]> indices, float[][] labels, long seed, int threads, int prefetch,
                   long lastStep) {
        if (threads < 1 || prefetch < 0) {
            throw new IllegalArgumentException("threads " + threads + " and prefetch " + prefetch);
        }
        this.images = images;
        this.transform = transform;
        this.norm = norm;
        this.outputs = transform.outputs(channels, size);
        this.indices = indices;
        this.labels = labels;
        this.seed = seed;
        this.threads = threads;
        this.prefetch = prefetch;
        this.lastStep = lastStep;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "batch-prefetch");
            t.setDaemon(true);
            return t;
        });
        this.scratch = ThreadLocal.withInitial(() -> {
            float[][] s = new float[outputs.size()][];
            for (int k = 0; k < s.length; k++) {
                s[k] = new float[outputs.get(k).length()];
            }
            return s;
        });
    }

    List<ViewTransform.Output> outputs() {
        return outputs;
    }

    Map<String, INDArray> batch(long step) {
        CompletableFuture<float[][]> future;
        int[] idx;
        synchronized (pending) {
            future = pending.remove(step);
            idx = indices.apply(step);
            if (future == null) {
                future = launch(step, idx);
            }
            // forget work for steps the caller has moved past or jumped away from
            for (Iterator<Map.Entry<Long, CompletableFuture<float[][]>>> it = pending.entrySet().iterator();
                 it.hasNext(); ) {
                Map.Entry<Long, CompletableFuture<float[][]>> e = it.next();
                if (e.getKey() < step || e.getKey() > step + prefetch) {
                    e.getValue().cancel(false);
                    it.remove();
                }
            }
            for (long s = step + 1; s <= step + prefetch && s <= lastStep; s++) {
                if (!pending.containsKey(s)) {
                    pending.put(s, launch(s, indices.apply(s)));
                }
            }
        }
        float[][] data;
        try {
            data = future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        int b = idx.length;
        for (int k = 0; k < outputs.size(); k++) {
            ViewTransform.Output o = outputs.get(k);
            out.put(o.name(), Nd4j.create(data[k], new long[] {b, o.channels(), o.height(), o.width()},
                    DataType.FLOAT));
        }
        if (spare.size() < prefetch + 2) {
            spare.offer(data);
        }
        if (labels != null) {
            int n = labels[idx[0]].length;
            float[] y = new float[b * n];
            for (int j = 0; j < b; j++) {
                System.arraycopy(labels[idx[j]], 0, y, j * n, n);
            }
            out.put("labels", Nd4j.create(y, new long[] {b, n}, DataType.FLOAT));
        }
        return out;
    }

    private CompletableFuture<float[][]> launch(long step, int[] idx) {
        int b = idx.length;
        float[][] data = spare.poll();
        if (data == null || data[0].length != b * outputs.get(0).length()) {
            data = new float[outputs.size()][];
            for (int k = 0; k < data.length; k++) {
                data[k] = new float[b * outputs.get(k).length()];
            }
        }
        float[][] buffers = data;
        int chunks = Math.min(b, threads * 2);
        List<CompletableFuture<Void>> parts = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = c * b / chunks;
            int to = (c + 1) * b / chunks;
            parts.add(CompletableFuture.runAsync(() -> {
                for (int j = from; j < to; j++) {
                    fill(buffers, step, j, idx[j]);
                }
            }, pool));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> buffers);
    }

    private void fill(float[][] data, long step, int slot, int index) {
        float[][] out = scratch.get();
        transform.apply(images.image(index), new SplittableRandom(mix(seed, step, slot)), norm, out);
        for (int k = 0; k < out.length; k++) {
            System.arraycopy(out[k], 0, data[k], slot * out[k].length, out[k].length);
        }
    }

    /** SplitMix64 of the parts: independent streams per (seed, step, slot) and per (seed, epoch). */
    static long mix(long seed, long a, long b) {
        long h = stafford(seed + 0x9E3779B97F4A7C15L);
        h = stafford(h ^ stafford(a + 0x632BE59BD9B4E019L));
        return stafford(h ^ stafford(b + 0x85157AF5L));
    }

    private static long stafford(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        synchronized (pending) {
            pending.values().forEach(f -> f.cancel(false));
            pending.clear();
        }
        pool.shutdownNow();
    }
}
