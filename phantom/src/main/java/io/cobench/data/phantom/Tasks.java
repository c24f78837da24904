package io.cobench.data.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs one job per image on the generator's threads. Jobs are independent and write their own
 * files, so the order in which they finish cannot change any output.
 */
final class Tasks {
    private final ExecutorService pool;
    private final Runnable tick;

    Tasks(ExecutorService pool, Runnable tick) {
        this.pool = pool;
        this.tick = tick;
    }

    void forEach(int n, IntConsumer job) {
        List<Future<?>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                job.accept(index);
                tick.run();
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("phantom generation interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
