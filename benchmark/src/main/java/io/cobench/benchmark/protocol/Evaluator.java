package io.cobench.benchmark.protocol;

import io.cobench.benchmark.data.DownstreamData;
import io.cobench.benchmark.data.Split;
import io.cobench.benchmark.grid.Cell;
import io.cobench.benchmark.grid.Downstream;
import io.cobench.benchmark.grid.EvalSpec;
import io.cobench.benchmark.grid.Protocol;
import io.cobench.benchmark.grid.TrainSpec;
import io.cobench.benchmark.metrics.Metrics;
import io.cobench.benchmark.model.Classifier;
import io.cobench.benchmark.model.DownstreamModel;
import io.cobench.benchmark.model.EncoderWeights;
import io.cobench.benchmark.model.UNet;
import io.cobench.graph.ResNetConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a cell's protocol. It keeps what cells can share within one process: the feature cache
 * of the current encoder and one network per (task, protocol, class count), whose training and
 * gradient graphs are built once and re-initialised per cell.
 */
public final class Evaluator {
    /** Images per forward pass when predicting or extracting features. */
    static final int INFER_BATCH = 128;

    private final ResNetConfig encoder;
    private final EvalSpec spec;
    private final Metrics metrics;
    private final FeatureCache features;
    private final Map<String, DownstreamModel> models = new HashMap<>();

    public Evaluator(ResNetConfig encoder, EvalSpec spec, Metrics metrics) {
        this.encoder = encoder;
        this.spec = spec;
        this.metrics = metrics;
        this.features = new FeatureCache(encoder, INFER_BATCH);
    }

    public FeatureCache features() {
        return features;
    }

    /** Seeds derived from a cell's master seed, by purpose; recorded in provenance. */
    public static Map<String, Long> seeds(Cell cell) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        m.put("master", (long) cell.seed());
        // Subsets are shared by all fractions of a seed (they are nested), so they use the master seed.
        m.put("subset", (long) cell.seed());
        m.put("init", derive(cell, "init"));
        m.put("batches", derive(cell, "batches"));
        return m;
    }

    /**
     * A seed for {@code purpose} from everything that defines the evaluation except the method,
     * so that two methods in one cell position train their heads from the same initialisation on
     * the same batch order: method differences are then paired, not confounded with seed noise.
     */
    private static long derive(Cell cell, String purpose) {
        return seedOf(cell.protocol().key() + "__" + cell.dataset().key() + "__f" + cell.fraction()
                + "__s" + cell.seed() + "#" + purpose);
    }

    /** A non-negative seed from a key: the same key always gives the same seed, on every JVM. */
    static long seedOf(String key) {
        long h = 1125899906842597L;
        for (char ch : key.toCharArray()) {
            h = 31 * h + ch;
        }
        return h & 0x7fffffffffffL;
    }

    /**
     * Evaluates {@code weights} (encoder {@code encoderKey}) on {@code data} as {@code cell} says.
     *
     * @param selectOnTest the paper-parity switch: model selection on the test split
     */
    public Outcome evaluate(Cell cell, DownstreamData data, String encoderKey, EncoderWeights weights,
                            boolean selectOnTest) {
        Map<String, Long> seeds = seeds(cell);
        Split train = data.train(cell.fraction(), seeds.get("subset"));
        Split test = data.test();
        Split select = selectOnTest ? test : data.val(cell.fraction(), seeds.get("subset"));
        if (train.size() == 0) {
            throw new IllegalStateException(cell.id() + ": the " + cell.fraction() + "% subset has no training images");
        }
        if (select.size() == 0) {
            throw new IllegalStateException(cell.id() + ": the " + cell.fraction()
                    + "% subset leaves no validation images for model selection");
        }
        TrainSpec ts = spec.training(cell.protocol(), cell.dataset().task());
        if (cell.dataset().task() == Downstream.Task.SEGMENTATION) {
            return segmentation(cell, data.classes(), train, select, test, weights, ts, seeds);
        }
        if (cell.protocol() == Protocol.LINEAR) {
            return linear(cell, data.classes(), train, select, test, encoderKey, weights, ts, seeds);
        }
        return finetune(cell, data.classes(), train, select, test, weights, ts, seeds);
    }

    private Outcome linear(Cell cell, List<String> classes, Split train, Split select, Split test, String encoderKey,
                           EncoderWeights weights, TrainSpec ts, Map<String, Long> seeds) {
        features.use(encoderKey, weights);
        String ds = cell.dataset().key();
        INDArray xTrain = features.features(ds, train);
        INDArray xSel = features.features(ds, select);
        INDArray xTest = features.features(ds, test);
        LinearProbe.Result r = LinearProbe.train(xTrain, labels(train), xSel, labels(select), classes, ts,
                seeds.get("init"), metrics);
        float[][] probs = r.head().probabilities(xTest).toFloatMatrix();
        return new Outcome(classes, ids(test), probs, labels(test), null, null, null, weights, r.head(), r.log(),
                features.spectrum(ds, test));
    }

    private Outcome finetune(Cell cell, List<String> classes, Split train, Split select, Split test,
                             EncoderWeights weights, TrainSpec ts, Map<String, Long> seeds) {
        DownstreamModel model = models.computeIfAbsent("cls/" + classes.size(),
                k -> new DownstreamModel(new Classifier(encoder, classes.size()), false));
        model.reset(weights, seeds.get("init"));
        float[][] selY = labels(select);
        DownstreamModel.FitResult fit = model.fit(train, ts, seeds.get("batches"), () ->
                ClassificationScores.selectionScore(classes, model.predict(select, INFER_BATCH).toFloatMatrix(),
                        selY, metrics));
        float[][] probs = model.predict(test, INFER_BATCH).toFloatMatrix();
        SameDiff sd = model.evalGraph().sd();
        LinearProbe.Head head = new LinearProbe.Head(sd.getArrForVarName(Classifier.headWeights()).dup(),
                sd.getArrForVarName(Classifier.headBias()).dup());
        return new Outcome(classes, ids(test), probs, labels(test), null, null, null,
                EncoderWeights.of(sd, "fine-tuned in " + cell.id()), head, log(fit), null);
    }

    private Outcome segmentation(Cell cell, List<String> classes, Split train, Split select, Split test,
                                 EncoderWeights weights, TrainSpec ts, Map<String, Long> seeds) {
        boolean frozen = cell.protocol() == Protocol.LINEAR;
        DownstreamModel model = models.computeIfAbsent("seg/" + cell.protocol().key(),
                k -> new DownstreamModel(new UNet(encoder, spec.segmentation().decoderChannels()), frozen));
        model.reset(weights, seeds.get("init"));
        double thr = spec.segmentation().threshold();
        DownstreamModel.FitResult fit = model.fit(train, ts, seeds.get("batches"), () ->
                meanDice(dice(model.predict(select, INFER_BATCH), select, thr)));
        INDArray prob = model.predict(test, INFER_BATCH);
        List<Metrics.DiceCounts> counts = dice(prob, test, thr);
        INDArray masks = prob.gt(thr).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        INDArray truth = test.masks(Split.range(0, test.size()));
        return new Outcome(classes, ids(test), null, null, counts, masks, truth, null, null, log(fit), null);
    }

    private List<Metrics.DiceCounts> dice(INDArray prob, Split split, double thr) {
        List<Metrics.DiceCounts> out = new ArrayList<>(split.size());
        for (int from = 0; from < split.size(); from += INFER_BATCH) {
            int[] rows = Split.range(from, Math.min(split.size(), from + INFER_BATCH));
            INDArray truth = split.masks(rows);
            for (int k = 0; k < rows.length; k++) {
                float[] p = prob.slice(rows[k]).ravel().toFloatVector();
                float[] t = truth.slice(k).ravel().toFloatVector();
                out.add(metrics.dice(p, t, thr));
            }
        }
        return out;
    }

    static double meanDice(List<Metrics.DiceCounts> counts) {
        return counts.stream().mapToDouble(Metrics.DiceCounts::dice).average().orElse(Double.NaN);
    }

    private static TrainingLog log(DownstreamModel.FitResult fit) {
        return TrainingLog.of(fit.steps(), fit.batchSize(), fit.losses(), fit.scores(), fit.bestCheck(),
                fit.bestStep());
    }

    static float[][] labels(Split s) {
        float[][] y = new float[s.size()][];
        for (int i = 0; i < y.length; i++) {
            y[i] = s.labels(i);
        }
        return y;
    }

    static List<String> ids(Split s) {
        List<String> ids = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            ids.add(s.id(i));
        }
        return ids;
    }
}
