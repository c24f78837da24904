package io.cobench.benchmark.protocol;

import io.cobench.benchmark.data.DownstreamData;
import io.cobench.benchmark.data.Split;
import io.cobench.benchmark.grid.Controls;
import io.cobench.benchmark.grid.Downstream;
import io.cobench.benchmark.grid.TrainSpec;
import io.cobench.benchmark.metrics.Metrics;
import io.cobench.benchmark.model.Classifier;
import io.cobench.benchmark.model.DownstreamModel;
import io.cobench.benchmark.model.EncoderWeights;
import io.cobench.graph.ResNetConfig;
import io.cobench.io.Json;
import io.cobench.train.EncoderExport;
import io.cobench.train.MetricsLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The supervised ceiling's "pretraining": the encoder, from random initialisation, trained with a
 * linear layer on the labelled NIH training split (every label, validation rows held out for
 * choosing the best check), then exported like a pretrained encoder so that every protocol treats
 * it as it treats the methods. The test split is never seen. It writes what a pretraining run
 * writes: metrics.jsonl (step, loss, learning rate), encoder.sd and a record of the fit.
 */
public final class Ceiling {
    private Ceiling() {
    }

    /**
     * @param seed the unit's seed: the encoder's initialisation (as the floor's) and the subset
     * @return the best validation AUC (0-1), for the log
     */
    public static double train(DownstreamData nih, ResNetConfig encoder, TrainSpec spec, long seed, Path runDir,
                               PrintStream console) {
        if (nih.dataset() != Downstream.NIH) {
            throw new IllegalArgumentException("the ceiling trains on NIH, got " + nih.dataset());
        }
        Split train = nih.train(100, seed);
        Split val = nih.val(100, seed);
        List<String> classes = nih.classes();
        DownstreamModel model = new DownstreamModel(new Classifier(encoder, classes.size()), false);
        model.reset(EncoderWeights.random(encoder, seed), derive(seed, "init"));
        float[][] valY = Evaluator.labels(val);
        DownstreamModel.FitResult fit = model.fit(train, spec, derive(seed, "batches"), () ->
                ClassificationScores.selectionScore(classes, model.predict(val, Evaluator.INFER_BATCH).toFloatMatrix(),
                        valY, Metrics.DEFAULT));
        try (MetricsLog log = new MetricsLog(runDir.resolve("metrics.jsonl"), 0)) {
            for (int step = 0; step < fit.losses().size(); step++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", step);
                row.put("loss", fit.losses().get(step));
                row.put("lr_main", spec.lrAt(step, fit.steps()));
                log.write(row);
            }
        }
        EncoderExport.write(model.evalGraph().sd(), EncoderWeights.SCOPE, runDir.resolve("encoder.sd"));
        double best = fit.scores().isEmpty() ? Double.NaN : fit.scores().get(fit.bestCheck());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("method", Controls.CEILING);
        record.put("trained_on", "NIH train split, all labels; validation rows choose the best check");
        record.put("seed", seed);
        record.put("train_images", train.size());
        record.put("val_images", val.size());
        record.put("training", spec);
        record.put("steps", fit.steps());
        record.put("batch_size", fit.batchSize());
        record.put("val_auc_at_checks", fit.scores());
        record.put("best_check", fit.bestCheck());
        record.put("best_step", fit.bestStep());
        Json.writeJson(runDir.resolve("ceiling.json"), record);
        if (console != null) {
            console.printf(Locale.ROOT, "ceiling s%d: %d steps on %d labelled NIH images, best validation AUC %.4f "
                    + "at step %d%n", seed, fit.steps(), train.size(), best, fit.bestStep());
        }
        return best;
    }

    private static long derive(long seed, String purpose) {
        return Evaluator.seedOf("ceiling__s" + seed + "#" + purpose);
    }
}
