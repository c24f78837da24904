package io.cobench.coboom;

import io.cobench.graph.MlpConfig;
import io.cobench.graph.ResNetConfig;

/** Test-scale presets: the provider's defaults with narrow heads, 16 codes and a slim decoder. */
final class Tiny {
    /** 32 px, 32 channels in 8 heads: the cheapest encoder (a 1x1 map) for whole-method tests. */
    static final ResNetConfig ENCODER = new ResNetConfig(18, 4, 1, 32);
    /** 64 px gives a 2x2 map: more positions per batch for codebook statistics. */
    static final ResNetConfig ENCODER_2X2 = new ResNetConfig(18, 4, 1, 64);

    private Tiny() {
    }

    static CoBooMConfig config(String preset) {
        CoBooMConfig d = (CoBooMConfig) new CoBooMProvider().defaults(preset);
        MlpConfig head = new MlpConfig(2, 32, 16, true, false);
        QuantizerConfig q = d.quantizer();
        return new CoBooMConfig(head, head, head,
                new QuantizerConfig(16, q.beta(), q.update(), q.decay(), q.eps(), q.emaInitCount(), q.distance(), q.init(),
                        q.codebookLoss()),
                d.quantize(), d.diversiFuse(), new DecoderConfig(d.decoder().enabled(), d.decoder().upsample(), 4),
                d.alpha(), d.gamma(), d.loss(), d.stopGradFused(), 0.99, d.targetMomentumCosine());
    }

    static CoBooMConfig withQuantizer(CoBooMConfig c, QuantizerConfig q) {
        return new CoBooMConfig(c.projector(), c.predictor(), c.fuseProjector(), q, c.quantize(), c.diversiFuse(),
                c.decoder(), c.alpha(), c.gamma(), c.loss(), c.stopGradFused(), c.targetMomentum(), c.targetMomentumCosine());
    }

    static CoBooMConfig withLoss(CoBooMConfig c, CoBooMConfig.LossForm loss, boolean stopGradFused) {
        return new CoBooMConfig(c.projector(), c.predictor(), c.fuseProjector(), c.quantizer(), c.quantize(),
                c.diversiFuse(), c.decoder(), c.alpha(), c.gamma(), loss, stopGradFused, c.targetMomentum(),
                c.targetMomentumCosine());
    }
}
