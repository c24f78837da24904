package io.cobench.graph;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * U-Net decoders on the ResNet encoder, as segmentation_models_pytorch builds them: each block
 * upsamples by 2 (nearest), optionally concatenates the encoder map of that resolution, then
 * applies conv3x3-BN-ReLU twice. Five blocks bring the stride-32 map back to the input size.
 *
 * <p>{@link #encoder} is the one ResNet builder; it returns the stage outputs the skips need,
 * and {@link ResNet#build} keeps only the last map and its pooled vector.
 */
public final class UNetDecoder {

    /** Output channels of the five blocks in the reference U-Nets at encoder width 64. */
    public static final List<Integer> PAPER_CHANNELS = List.of(256, 128, 64, 32, 16);

    /**
     * The encoder's maps from high to low resolution: stem (stride 2, after ReLU and before the
     * max-pool), layer1 (4), layer2 (8), layer3 (16), layer4 (32); and the pooled last map.
     */
    public record Stages(List<SDVariable> maps, List<Integer> channels, SDVariable pooled) {
        public SDVariable last() {
            return maps.get(maps.size() - 1);
        }

        public int lastChannels() {
            return channels.get(channels.size() - 1);
        }
    }

    private UNetDecoder() {
    }

    /** Builds the encoder of {@link ResNet#build} on {@code input} and keeps every stage output. */
    public static Stages encoder(GraphContext ctx, SDVariable input, ResNetConfig cfg) {
        int w = cfg.width();
        List<SDVariable> maps = new ArrayList<>();
        List<Integer> channels = new ArrayList<>();
        SDVariable x = Layers.conv2d(ctx, "stem/conv", input, cfg.channels(), w, 7, 2, 3);
        x = Layers.batchNorm2d(ctx, "stem/bn", x, w);
        x = Layers.relu(ctx, "stem/relu", x);
        maps.add(x);
        channels.add(w);
        x = Layers.maxPool(ctx, "stem/pool", x, 3, 2, 1);
        int cin = w;
        int[] blocks = cfg.blocks();
        for (int stage = 0; stage < 4; stage++) {
            int cout = w << stage;
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = (stage > 0 && b == 0) ? 2 : 1;
                x = ResNet.basicBlock(ctx.scope("layer" + (stage + 1) + "/" + b), x, cin, cout, stride);
                cin = cout;
            }
            maps.add(x);
            channels.add(cout);
        }
        return new Stages(List.copyOf(maps), List.copyOf(channels), Layers.gap(ctx, "pool", x));
    }

    /**
     * The decoder with skips (CAiD, DiRA, the SIIM segmentation model): block i concatenates the
     * encoder map of its output resolution; the last block (full size) has none.
     *
     * @return the last block's map, {@code decoderChannels.get(4)} channels at the input size
     */
    public static SDVariable withSkips(GraphContext ctx, Stages enc, List<Integer> decoderChannels) {
        checkChannels(decoderChannels);
        SDVariable x = enc.last();
        int cin = enc.lastChannels();
        for (int i = 0; i < 5; i++) {
            int skipIndex = 3 - i;
            SDVariable skip = skipIndex >= 0 ? enc.maps().get(skipIndex) : null;
            int skipCh = skipIndex >= 0 ? enc.channels().get(skipIndex) : 0;
            x = block(ctx.scope("block" + i), x, skip, cin, skipCh, decoderChannels.get(i));
            cin = decoderChannels.get(i);
        }
        return x;
    }

    /**
     * The decoder without skips (PCRLv2): five blocks on {@code head}, each output returned so
     * that per-level heads can be attached.
     */
    public static List<SDVariable> withoutSkips(GraphContext ctx, SDVariable head, int headChannels,
                                                List<Integer> decoderChannels) {
        checkChannels(decoderChannels);
        List<SDVariable> levels = new ArrayList<>();
        SDVariable x = head;
        int cin = headChannels;
        for (int i = 0; i < 5; i++) {
            x = block(ctx.scope("block" + i), x, null, cin, 0, decoderChannels.get(i));
            levels.add(x);
            cin = decoderChannels.get(i);
        }
        return levels;
    }

    /** One decoder block: nearest x2, optional skip concatenation, two conv3x3-BN-ReLU. */
    public static SDVariable block(GraphContext ctx, SDVariable x, SDVariable skip, int cin, int skipChannels,
                                   int cout) {
        SDVariable y = Layers.upsample2x(ctx, "up", x);
        if (skip != null) {
            y = ctx.sd().concat(ctx.name("cat"), 1, y, skip);
        }
        y = Layers.conv2d(ctx, "conv1", y, cin + skipChannels, cout, 3, 1, 1);
        y = Layers.batchNorm2d(ctx, "bn1", y, cout);
        y = Layers.relu(ctx, "relu1", y);
        y = Layers.conv2d(ctx, "conv2", y, cout, cout, 3, 1, 1);
        y = Layers.batchNorm2d(ctx, "bn2", y, cout);
        return Layers.relu(ctx, "relu2", y);
    }

    /** The segmentation head of the reference U-Nets: conv3x3 with bias to {@code out} channels. */
    public static SDVariable head(GraphContext ctx, SDVariable x, int cin, int out) {
        return Layers.conv2dBias(ctx, "head", x, cin, out, 3, 1, 1);
    }

    /**
     * Bilinear resize of [N,C,h,w] to [N,C,outH,outW] with PyTorch's {@code align_corners=False}
     * rule, as two matrix products with constant interpolation matrices (imageResize has no
     * working backward in M2.1).
     */
    public static SDVariable bilinearResize(GraphContext ctx, String name, SDVariable x, int channels, int h, int w,
                                            int outH, int outW) {
        SameDiff sd = ctx.sd();
        SDVariable mw = sd.constant(ctx.name(name + "/interp_w"), interpolation(w, outW).transpose().dup());
        SDVariable mh = sd.constant(ctx.name(name + "/interp_h"), interpolation(h, outH).transpose().dup());
        SDVariable t = x.reshape(-1, w).mmul(mw);
        t = t.reshape(-1, channels, h, outW).permute(0, 1, 3, 2);
        t = t.reshape(-1, h).mmul(mh);
        return sd.permute(ctx.name(name), t.reshape(-1, channels, outW, outH), 0, 1, 3, 2);
    }

    /**
     * The [out, in] matrix of 1-D linear interpolation: source coordinate
     * {@code (o + 0.5) * in / out - 0.5}, clamped at 0, neighbours clamped at the last sample.
     */
    public static INDArray interpolation(int in, int out) {
        INDArray m = Nd4j.zeros(Nd4j.defaultFloatingPointType(), out, in);
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            double src = Math.max(0.0, (o + 0.5) * scale - 0.5);
            int i0 = Math.min((int) Math.floor(src), in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            double l1 = src - i0;
            m.putScalar(o, i0, m.getDouble(o, i0) + (1 - l1));
            m.putScalar(o, i1, m.getDouble(o, i1) + l1);
        }
        return m;
    }

    private static void checkChannels(List<Integer> decoderChannels) {
        if (decoderChannels == null || decoderChannels.size() != 5 || decoderChannels.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("a U-Net decoder needs 5 positive block widths, got " + decoderChannels);
        }
    }
}
