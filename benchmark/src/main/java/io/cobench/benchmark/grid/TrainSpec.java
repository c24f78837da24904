package io.cobench.benchmark.grid;

import io.cobench.spi.OptimizerConfig;

/**
 * How a downstream head (or a fine-tuned encoder with its head) is trained.
 *
 * @param lr peak learning rate of AdamW
 * @param batchSize images per step
 * @param epochs passes over the labelled subset
 * @param maxSteps cap on optimiser steps (0 = no cap); keeps tiny CPU runs bounded
 * @param weightDecay AdamW's decoupled weight decay
 * @param clipNorm global gradient-norm clip (0 = off)
 * @param schedule {@code cosine} (decay to 0 over the run) or {@code constant}
 * @param evaluations validation checks spread evenly over the run (the last at the end); the best
 *                    check's weights are the ones tested
 * @param hflip probability that a training image (and its mask) is flipped left-right at each step;
 *              the official CoBooM notebooks apply RandomHorizontalFlip (0.5) when fine-tuning
 */
public record TrainSpec(double lr, int batchSize, int epochs, int maxSteps, double weightDecay, double clipNorm,
                        String schedule, int evaluations, Double hflip) {
    public TrainSpec {
        GridConfig.require(hflip, "hflip");
        if (!(hflip >= 0 && hflip <= 1)) {
            throw new IllegalArgumentException("hflip must be a probability in [0,1], got " + hflip);
        }
        if (!(lr > 0) || batchSize < 1 || epochs < 1 || maxSteps < 0 || weightDecay < 0 || clipNorm < 0
                || evaluations < 1) {
            throw new IllegalArgumentException("training spec needs lr > 0, batchSize >= 1, epochs >= 1, "
                    + "maxSteps >= 0, weightDecay >= 0, clipNorm >= 0, evaluations >= 1; got " + this);
        }
        if (!"cosine".equals(schedule) && !"constant".equals(schedule)) {
            throw new IllegalArgumentException("schedule must be cosine or constant, got " + schedule);
        }
    }

    /**
     * The harness optimiser this spec trains with: PyTorch's AdamW defaults (betas 0.9 and 0.999,
     * eps 1e-8), this spec's decay and clip; the learning rate comes from {@link #lrAt} each step.
     */
    public OptimizerConfig optimizer() {
        return OptimizerConfig.adamw(lr, 0.9, 0.999, weightDecay).withClip(clipNorm);
    }

    /** Optimiser steps for {@code n} training images. */
    public int steps(int n) {
        int perEpoch = Math.max(1, (n + batchSize - 1) / batchSize);
        long total = (long) perEpoch * epochs;
        return (int) (maxSteps > 0 ? Math.min(total, maxSteps) : total);
    }

    /** The learning rate at zero-based {@code step} of {@code total}. */
    public double lrAt(int step, int total) {
        if ("constant".equals(schedule) || total <= 1) {
            return lr;
        }
        return lr * 0.5 * (1 + Math.cos(Math.PI * step / total));
    }

    /** Whether a validation check follows zero-based {@code step} of {@code total}. */
    public boolean evaluateAfter(int step, int total) {
        int k = Math.min(evaluations, total);
        // Check i (1..k) falls after step ceil(i*total/k)-1, so the last one is after the final step.
        for (int i = 1; i <= k; i++) {
            if ((int) Math.ceil((double) i * total / k) - 1 == step) {
                return true;
            }
        }
        return false;
    }
}
