package io.cobench.benchmark.grid;

import java.util.Map;

/**
 * Wall-clock estimates for a grid, from one throughput figure: images per second through one
 * training step (forward and backward, one view) of the grid's encoder at its image size and
 * pretraining batch, as {@code cobench bench step} measures it.
 *
 * <p>Every piece of work is counted in such image-steps:
 * <ul>
 *   <li>pretraining: pretraining images x epochs x {@value #VIEWS} views (SimCLR, BYOL, VICReg; the
 *       small crops of SwAV and CoBooM's decoder cost more and are not modelled);</li>
 *   <li>linear probing: one forward pass ({@value #FORWARD} of a step) over the labelled subset and
 *       the test split; the head's own training is negligible;</li>
 *   <li>fine-tuning: subset images x epochs (or {@code maxSteps x batch}) steps, plus a forward pass
 *       over the test split per evaluation;</li>
 *   <li>segmentation: as fine-tuning x {@value #SEG_DECODER} for the U-Net decoder; with the encoder
 *       frozen, {@value #FORWARD} + {@value #SEG_FROZEN_DECODER} per image.</li>
 * </ul>
 * Dataset sizes are the real datasets' (datasets.md) when a grid reads real data, and the phantom's
 * counts split in the same proportions otherwise. The result is an estimate, and is printed as one.
 */
public final class GridHours {
    static final int VIEWS = 2;
    static final double FORWARD = 1.0 / 3;
    static final double SEG_DECODER = 1.5;
    static final double SEG_FROZEN_DECODER = 0.5;

    /** Training and test images of a downstream dataset at 100%. */
    record Size(int train, int test) {
    }

    /** The real datasets: NIH train_val/test, SIIM's balanced 80/20 split, MuReD train/val, ODIR's kept eyes 80/20. */
    static final Map<Downstream, Size> REAL = Map.of(
            Downstream.NIH, new Size(86_524, 25_596),
            Downstream.SIIM, new Size(4_270, 1_068),
            Downstream.MURED, new Size(1_764, 444),
            Downstream.ODIR, new Size(5_114, 1_278));
    /** NIH train_val and EyePACS train. */
    static final Map<Domain, Integer> REAL_PRETRAIN = Map.of(Domain.CHEST, 86_524, Domain.FUNDUS, 35_126);

    private final GridConfig grid;
    private final Map<Downstream, Size> sizes;
    private final Map<Domain, Integer> pretrain;

    private GridHours(GridConfig grid, Map<Downstream, Size> sizes, Map<Domain, Integer> pretrain) {
        this.grid = grid;
        this.sizes = sizes;
        this.pretrain = pretrain;
    }

    /** Sizes for the grid's data: the phantom's when it uses the phantom, else the real datasets'. */
    public static GridHours of(GridConfig grid) {
        GridConfig.PhantomSpec ph = grid.data().phantom();
        if (ph == null) {
            return new GridHours(grid, REAL, REAL_PRETRAIN);
        }
        int nih = ph.count();
        // The phantom writer's counts (PhantomConfig): SIIM and MuReD n/2 images, ODIR and EyePACS n/4 patients.
        int siim = Math.max(10, nih / 2);
        int mured = Math.max(20, nih / 2);
        int odir = 2 * Math.max(10, nih / 4);
        int eyepacs = 2 * Math.max(5, nih / 4);
        Map<Downstream, Size> s = Map.of(
                Downstream.NIH, split(nih, 86_524.0 / 112_120),
                Downstream.SIIM, split((int) Math.round(siim * 5_338.0 / 12_047), 0.8),
                Downstream.MURED, split(mured, 0.8),
                Downstream.ODIR, split(odir, 0.8));
        return new GridHours(grid, s, Map.of(Domain.CHEST, s.get(Downstream.NIH).train(), Domain.FUNDUS, eyepacs));
    }

    private static Size split(int n, double trainShare) {
        int train = (int) Math.round(n * trainShare);
        return new Size(train, n - train);
    }

    /** Image-steps of a unit: its pretraining and all its cells. */
    public double imageSteps(PretrainKey unit, java.util.List<Cell> cells) {
        int images = pretrain.get(unit.domain());
        if (grid.pretrain().maxImages() > 0) {
            images = Math.min(images, grid.pretrain().maxImages());
        }
        double steps = (double) images * grid.pretrain().epochs() * VIEWS;
        for (Cell c : cells) {
            steps += imageSteps(c);
        }
        return steps;
    }

    /** Image-steps of one cell, by the rules of the class comment. */
    public double imageSteps(Cell c) {
        Size s = sizes.get(c.dataset());
        double subset = Math.max(1, Math.round(s.train() * c.fraction() / 100.0));
        boolean seg = c.dataset().task() == Downstream.Task.SEGMENTATION;
        EvalSpec e = grid.eval();
        TrainSpec t = seg ? (c.protocol() == Protocol.LINEAR ? e.segmentation().linear() : e.segmentation().finetune())
                : (c.protocol() == Protocol.LINEAR ? e.linear() : e.finetune());
        if (!seg && c.protocol() == Protocol.LINEAR) {
            return (subset + s.test()) * FORWARD;
        }
        double trained = subset * t.epochs();
        if (t.maxSteps() > 0) {
            trained = Math.min(trained, (double) t.maxSteps() * t.batchSize());
        }
        double perImage = seg ? (c.protocol() == Protocol.LINEAR ? FORWARD + SEG_FROZEN_DECODER : SEG_DECODER) : 1;
        return trained * perImage + (double) t.evaluations() * s.test() * FORWARD;
    }

    /** Hours for {@code imageSteps} at {@code imgPerS}. */
    public static double hours(double imageSteps, double imgPerS) {
        return imageSteps / imgPerS / 3600;
    }
}
