package io.cobench.interop;

import io.cobench.cli.UserError;
import io.cobench.graph.ResNetConfig;
import io.cobench.train.EncoderExport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The encoder's variables under torchvision's ResNet state_dict names, and back.
 *
 * <p>The graph names a convolution {@code <layer>/W} in SameDiff's [kH, kW, in, out] layout;
 * torchvision names it {@code <module>.weight} in [out, in, kH, kW]. Batch norm's gamma and beta
 * are torchvision's weight and bias; the running statistics keep their names. Both directions are
 * driven by one layout derived from the {@link ResNetConfig}, so a variable the layout does not
 * know, or a missing one, is an error rather than a silently partial model.
 */
public final class TorchNames {
    /** Keys of a torchvision state_dict that the encoder has no counterpart for and import ignores. */
    public static final String BATCHES_TRACKED = "num_batches_tracked";

    private static final String[][] BN_FIELDS = {
            {"gamma", "weight"}, {"beta", "bias"}, {"running_mean", "running_mean"}, {"running_var", "running_var"}};

    /** One convolution or batch norm: its graph prefix (under the encoder scope) and torch module name. */
    record Module(String graph, String torch, boolean conv) {
    }

    private TorchNames() {
    }

    /** Every module of the encoder, in torchvision's state_dict order. */
    static List<Module> layout(ResNetConfig cfg) {
        List<Module> out = new ArrayList<>();
        out.add(new Module("stem/conv", "conv1", true));
        out.add(new Module("stem/bn", "bn1", false));
        int[] blocks = blocks(cfg);
        for (int stage = 0; stage < 4; stage++) {
            for (int b = 0; b < blocks[stage]; b++) {
                String g = "layer" + (stage + 1) + "/" + b + "/";
                String t = "layer" + (stage + 1) + "." + b + ".";
                out.add(new Module(g + "conv1", t + "conv1", true));
                out.add(new Module(g + "bn1", t + "bn1", false));
                out.add(new Module(g + "conv2", t + "conv2", true));
                out.add(new Module(g + "bn2", t + "bn2", false));
                // Stage 1 keeps the stem's width and resolution; every later stage's first block
                // halves the map and doubles the channels, so its shortcut needs a projection.
                if (stage > 0 && b == 0) {
                    out.add(new Module(g + "down/conv", t + "downsample.0", true));
                    out.add(new Module(g + "down/bn", t + "downsample.1", false));
                }
            }
        }
        return out;
    }

    /**
     * The encoder weights (named {@code encoder/...}, as {@link EncoderExport} writes them) as a
     * torchvision state_dict of float32 arrays, convolutions in [out, in, kH, kW].
     */
    public static Map<String, INDArray> toTorch(Map<String, INDArray> encoder, ResNetConfig cfg, String source) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        Set<String> unused = new LinkedHashSet<>(encoder.keySet());
        for (Module m : layout(cfg)) {
            if (m.conv()) {
                String key = EncoderExport.SCOPE + m.graph() + "/W";
                INDArray w = take(encoder, unused, key, source);
                if (w.rank() != 4) {
                    throw new UserError(source + ": " + key + " has shape " + Arrays.toString(w.shape())
                            + ", expected a 4-d [kH, kW, in, out] convolution weight");
                }
                out.put(m.torch() + ".weight", w.permute(3, 2, 0, 1).castTo(DataType.FLOAT).dup('c'));
            } else {
                for (String[] f : BN_FIELDS) {
                    INDArray v = take(encoder, unused, EncoderExport.SCOPE + m.graph() + "/" + f[0], source);
                    out.put(m.torch() + "." + f[1], v.reshape(v.length()).castTo(DataType.FLOAT).dup('c'));
                }
            }
        }
        if (!unused.isEmpty()) {
            throw new UserError(source + ": variables outside the ResNet-" + cfg.depth() + " layout: " + unused);
        }
        checkShapes(out, cfg, source);
        return out;
    }

    /**
     * A torchvision state_dict back to encoder weights named {@code encoder/...}. Keys ending in
     * {@value #BATCHES_TRACKED} and the classifier ({@code fc.*}), which the encoder does not have,
     * are ignored; any other unknown or missing key is an error naming it.
     */
    public static Map<String, INDArray> fromTorch(Map<String, INDArray> torch, ResNetConfig cfg, String source) {
        checkShapes(torch, cfg, source);
        Map<String, INDArray> out = new LinkedHashMap<>();
        Set<String> unused = new LinkedHashSet<>(torch.keySet());
        unused.removeIf(k -> k.endsWith("." + BATCHES_TRACKED) || k.startsWith("fc."));
        for (Module m : layout(cfg)) {
            if (m.conv()) {
                INDArray w = take(torch, unused, m.torch() + ".weight", source);
                out.put(EncoderExport.SCOPE + m.graph() + "/W", w.permute(2, 3, 1, 0).castTo(DataType.FLOAT).dup('c'));
            } else {
                for (String[] f : BN_FIELDS) {
                    INDArray v = take(torch, unused, m.torch() + "." + f[1], source);
                    out.put(EncoderExport.SCOPE + m.graph() + "/" + f[0], v.castTo(DataType.FLOAT).dup('c'));
                }
            }
        }
        if (!unused.isEmpty()) {
            throw new UserError(source + ": keys that a torchvision resnet" + cfg.depth() + " encoder does not have: "
                    + unused);
        }
        return out;
    }

    private static INDArray take(Map<String, INDArray> from, Set<String> unused, String key, String source) {
        INDArray a = from.get(key);
        if (a == null) {
            throw new UserError(source + ": missing " + key);
        }
        unused.remove(key);
        return a;
    }

    /** Checks every torch-named array against the shape torchvision's model of {@code cfg} has. */
    private static void checkShapes(Map<String, INDArray> torch, ResNetConfig cfg, String source) {
        Map<String, long[]> want = expectedShapes(cfg);
        for (var e : want.entrySet()) {
            INDArray a = torch.get(e.getKey());
            if (a != null && !Arrays.equals(a.shape(), e.getValue())) {
                throw new UserError(source + ": " + e.getKey() + " has shape " + Arrays.toString(a.shape())
                        + ", a resnet" + cfg.depth() + " of width " + cfg.width() + " and " + cfg.channels()
                        + " input channels needs " + Arrays.toString(e.getValue()));
            }
        }
    }

    /** torchvision's parameter and buffer shapes for {@code cfg}, by state_dict key. */
    static Map<String, long[]> expectedShapes(ResNetConfig cfg) {
        Map<String, long[]> out = new LinkedHashMap<>();
        int w = cfg.width();
        out.put("conv1.weight", new long[] {w, cfg.channels(), 7, 7});
        bn(out, "bn1", w);
        int[] blocks = blocks(cfg);
        int cin = w;
        for (int stage = 0; stage < 4; stage++) {
            int cout = w << stage;
            for (int b = 0; b < blocks[stage]; b++) {
                String t = "layer" + (stage + 1) + "." + b + ".";
                out.put(t + "conv1.weight", new long[] {cout, cin, 3, 3});
                bn(out, t + "bn1", cout);
                out.put(t + "conv2.weight", new long[] {cout, cout, 3, 3});
                bn(out, t + "bn2", cout);
                if (stage > 0 && b == 0) {
                    out.put(t + "downsample.0.weight", new long[] {cout, cin, 1, 1});
                    bn(out, t + "downsample.1", cout);
                }
                cin = cout;
            }
        }
        return out;
    }

    /** BasicBlocks per stage, as torchvision's resnet18 and resnet34 have them. */
    private static int[] blocks(ResNetConfig cfg) {
        return cfg.depth() == 18 ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
    }

    private static void bn(Map<String, long[]> out, String module, int c) {
        for (String[] f : BN_FIELDS) {
            out.put(module + "." + f[1], new long[] {c});
        }
    }
}
