package io.cobench.benchmark.grid;

import io.cobench.graph.ResNetConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid as written in configs/grids/*.yaml: which methods, datasets, label fractions,
 * protocols and seeds, and how encoders are pretrained and evaluated. Every field is spelled
 * out in the file; nothing is defaulted here, so the stored config is the whole truth.
 *
 * @param name recorded in store.json; a store holds one grid
 * @param methods registry keys (the "Sup." row is {@code sup}, a method that does not pretrain), in
 *                table-row order; a grid file without the list takes every registered method
 *                ({@link GridLoader})
 * @param protocols {@code linear} and/or {@code finetune}
 * @param datasets downstream dataset key to label percentages (100 = All)
 * @param seeds one pretraining and one evaluation per seed
 * @param selection {@code val} (model selection on the validation split) or {@code test-parity}
 *                  (the official notebooks' selection on test; reports mark such cells)
 * @param encoder the backbone every method pretrains and every protocol evaluates
 */
public record GridConfig(String name, List<String> methods, List<String> protocols,
                         Map<String, List<Integer>> datasets, List<Integer> seeds, String selection,
                         ResNetConfig encoder, PretrainSpec pretrain, EvalSpec eval, DataSpec data,
                         GradCamSpec gradcam) {

    public static final String SELECT_VAL = "val";
    public static final String SELECT_TEST = "test-parity";

    public GridConfig {
        require(name, "name");
        require(methods, "methods");
        require(protocols, "protocols");
        require(datasets, "datasets");
        require(seeds, "seeds");
        require(selection, "selection");
        require(encoder, "encoder");
        require(pretrain, "pretrain");
        require(eval, "eval");
        require(data, "data");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (!SELECT_VAL.equals(selection) && !SELECT_TEST.equals(selection)) {
            throw new IllegalArgumentException("selection must be val or test-parity, got '" + selection + "'");
        }
        for (String m : methods) {
            if (m == null || !m.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("method keys are lower-case letters, digits and '-', got '" + m + "'");
            }
        }
        protocols.forEach(Protocol::parse);
        for (var e : datasets.entrySet()) {
            Downstream.parse(e.getKey());
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("datasets." + e.getKey() + " needs at least one label fraction");
            }
            for (Integer f : e.getValue()) {
                if (f == null || f < 1 || f > 100) {
                    throw new IllegalArgumentException("datasets." + e.getKey() + ": label fractions are percentages "
                            + "1..100, got " + f);
                }
            }
        }
        for (Integer s : seeds) {
            if (s == null || s < 0) {
                throw new IllegalArgumentException("seeds must be non-negative integers, got " + s);
            }
        }
        Controls.check(methods, datasets, eval);
        methods = List.copyOf(methods);
        protocols = List.copyOf(protocols);
        seeds = List.copyOf(seeds);
        Map<String, List<Integer>> ds = new LinkedHashMap<>();
        datasets.forEach((k, v) -> ds.put(k, List.copyOf(v)));
        datasets = java.util.Collections.unmodifiableMap(ds);
    }

    /** The same grid reading its images as {@code d} says. */
    public GridConfig withData(DataSpec d) {
        return new GridConfig(name, methods, protocols, datasets, seeds, selection, encoder, pretrain, eval, d, gradcam);
    }

    static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
    }

    /** Whether model selection looks at the test split (the paper-parity switch). */
    public boolean selectsOnTest() {
        return SELECT_TEST.equals(selection);
    }

    /**
     * How encoders are pretrained. Each method's run config (method params, optimiser, checkpoint
     * cadence) is its preset file {@code <presets>/<method>.yaml}; the grid fixes what must be
     * equal across methods for a fair comparison.
     *
     * @param presets directory of the method presets (configs/cpu or configs/paper), relative to
     *                the grid file
     * @param epochs passes over the domain's pretraining images, for every method
     * @param batchSize images per step, for every method
     * @param maxImages cap on pretraining images (0 = all)
     */
    public record PretrainSpec(String presets, int epochs, int batchSize, int maxImages) {
        public PretrainSpec {
            require(presets, "pretrain.presets");
            if (epochs < 1 || batchSize < 2 || maxImages < 0) {
                throw new IllegalArgumentException("pretrain needs epochs >= 1, batchSize >= 2, maxImages >= 0");
            }
        }
    }

    /**
     * Where the images come from.
     *
     * @param phantom the built-in phantom datasets (created on first use), or null when
     *                {@code roots} names real data for every dataset the grid needs
     * @param roots dataset key (nih, siim, eyepacs, mured, odir) to its root directory; entries here
     *              win over the phantom datasets
     * @param valFraction share of each labelled subset held out (whole patients) for model selection
     */
    public record DataSpec(PhantomSpec phantom, Map<String, String> roots, double valFraction) {
        public DataSpec {
            roots = roots == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roots));
            if (phantom == null && roots.isEmpty()) {
                throw new IllegalArgumentException("data needs a phantom section or dataset roots");
            }
            if (!(valFraction > 0 && valFraction < 1)) {
                throw new IllegalArgumentException("data.valFraction must be in (0,1), got " + valFraction);
            }
            for (String k : roots.keySet()) {
                if (!List.of("nih", "siim", "eyepacs", "mured", "odir").contains(k)) {
                    throw new IllegalArgumentException("data.roots: unknown dataset '" + k
                            + "'; known: nih, siim, eyepacs, mured, odir");
                }
            }
        }

        /** The same spec with {@code more} roots added (command-line {@code --data-root} values). */
        public DataSpec withRoots(Map<String, String> more) {
            Map<String, String> r = new LinkedHashMap<>(roots);
            r.putAll(more);
            return new DataSpec(phantom, r, valFraction);
        }
    }

    /**
     * The phantom datasets (cobench phantom) a grid runs on when it names no real roots.
     *
     * @param dir where they are generated; relative paths are taken from the working directory
     * @param size edge of the generated pictures in pixels (the cache resizes to the encoder's size)
     * @param count NIH images (the other datasets scale from it)
     */
    public record PhantomSpec(String dir, int size, int count, long seed) {
        public PhantomSpec {
            require(dir, "data.phantom.dir");
            if (size < 32 || count < 20) {
                throw new IllegalArgumentException("data.phantom needs size >= 32 and count >= 20, got size " + size
                        + ", count " + count);
            }
        }
    }

    /**
     * Grad-CAM diagnostics (paper Fig. 2) on NIH images with boxes.
     *
     * @param classes findings to map (the paper: Atelectasis, Effusion, Cardiomegaly, Mass)
     * @param protocol which cell's model is explained
     * @param fraction its label fraction (the paper's maps come from the 10% models)
     * @param maxImages per class, the first boxed test images in file-name order (0 = all)
     * @param layer encoder stage (1..4) whose output is explained: 4 (the last conv layer) at paper
     *              scale; tiny CPU images need an earlier, finer stage
     */
    public record GradCamSpec(List<String> classes, String protocol, int fraction, int maxImages, int layer) {
        public GradCamSpec {
            require(classes, "gradcam.classes");
            require(protocol, "gradcam.protocol");
            Protocol.parse(protocol);
            if (fraction < 1 || fraction > 100 || maxImages < 0 || layer < 1 || layer > 4) {
                throw new IllegalArgumentException("gradcam needs a fraction in 1..100, maxImages >= 0 and a layer "
                        + "in 1..4");
            }
            classes = List.copyOf(classes);
        }
    }

    /** The datasets in table order (NIH, SIIM, MuReD, ODIR), whatever order the file used. */
    public List<Downstream> downstreams() {
        List<Downstream> out = new ArrayList<>();
        for (Downstream d : Downstream.values()) {
            if (datasets.containsKey(d.key())) {
                out.add(d);
            }
        }
        return out;
    }
}
