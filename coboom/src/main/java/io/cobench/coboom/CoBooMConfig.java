package io.cobench.coboom;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cobench.graph.MlpConfig;

/**
 * Everything that defines a CoBooM run besides the encoder and the optimiser. Defaults follow
 * the paper; each choice the authors' code makes differently is a field here, so that the
 * resolved record written with every run says exactly which variant trained.
 *
 * @param projector g: GAP(y) to z, shared layout for the online head and its EMA target
 * @param predictor q_theta on top of the online projector
 * @param fuseProjector p_theta: GAP(fused map) to z'_theta (official code: 2 layers, hidden 1024, no BN)
 * @param quantizer the codebook
 * @param quantize which feature map is quantized and fused: {@code target} y_phi (paper) or {@code online} y_theta
 * @param diversiFuse the cross-attention
 * @param decoder the reconstruction branch
 * @param alpha weight of L1 + L2 (paper 0.5)
 * @param gamma weight of L_r (paper 0.5); must be 0 exactly when the decoder is off
 * @param loss {@code paper}: alpha(L1 + L2) + L_q + gamma L_r, summed over the two view orders;
 *             {@code official}: the authors' trainer, the mean of the four d-terms + L_q + MSE, each of the
 *             last two averaged over the view orders (alpha and gamma are then not used as weights)
 * @param stopGradFused stop the gradient of z'_theta in L2, so that only z_theta is pulled (the paper is silent);
 *                      p_theta then gets no gradient at all and stays at its initialisation, as does
 *                      DiversiFuse unless the decoder trains it
 * @param targetMomentum tau_0 of the EMA target (0.996)
 * @param targetMomentumCosine raise tau from tau_0 to 1 along a cosine over the run, as BYOL does
 */
public record CoBooMConfig(MlpConfig projector, MlpConfig predictor, MlpConfig fuseProjector,
                           QuantizerConfig quantizer, Source quantize, DiversiFuseConfig diversiFuse,
                           DecoderConfig decoder, double alpha, double gamma, LossForm loss,
                           boolean stopGradFused, double targetMomentum, boolean targetMomentumCosine) {

    /** The feature map the quantizer sees. */
    public enum Source {
        @JsonProperty("target") TARGET,
        @JsonProperty("online") ONLINE
    }

    /** How the terms are weighted into the total. */
    public enum LossForm {
        @JsonProperty("paper") PAPER,
        @JsonProperty("official") OFFICIAL
    }

    public CoBooMConfig {
        if (projector == null || predictor == null || fuseProjector == null || quantizer == null
                || diversiFuse == null || decoder == null) {
            throw new IllegalArgumentException("projector, predictor, fuseProjector, quantizer, diversiFuse and decoder are required");
        }
        if (quantize == null || loss == null) {
            throw new IllegalArgumentException("quantize (target|online) and loss (paper|official) are required");
        }
        if (predictor.out() != projector.out() || fuseProjector.out() != projector.out()) {
            throw new IllegalArgumentException("predictor.out and fuseProjector.out must equal projector.out ("
                    + projector.out() + "), got " + predictor.out() + " and " + fuseProjector.out());
        }
        if (!(alpha >= 0) || !(gamma >= 0)) {
            throw new IllegalArgumentException("alpha and gamma must be >= 0, got " + alpha + ", " + gamma);
        }
        if (decoder.enabled() != (gamma > 0)) {
            throw new IllegalArgumentException("gamma is " + gamma + " but decoder.enabled is " + decoder.enabled()
                    + ": the reconstruction term needs the decoder and the decoder is trained only by it");
        }
        if (!(targetMomentum >= 0 && targetMomentum <= 1)) {
            throw new IllegalArgumentException("targetMomentum must be in [0, 1], got " + targetMomentum);
        }
    }

    /** The paper's configuration with the decoder ("Ours w/Dec."), K codes. */
    public static CoBooMConfig paper(int codebookSize) {
        MlpConfig head = new MlpConfig(3, 4096, 256, true, false);
        return new CoBooMConfig(head, head, head, QuantizerConfig.paper(codebookSize), Source.TARGET,
                new DiversiFuseConfig(true, 8), new DecoderConfig(true, DecoderConfig.Upsample.NEAREST, 16),
                0.5, 0.5, LossForm.PAPER, false, 0.996, true);
    }

    /** This config without the decoder (gamma 0). */
    public CoBooMConfig withoutDecoder() {
        return new CoBooMConfig(projector, predictor, fuseProjector, quantizer, quantize, diversiFuse,
                new DecoderConfig(false, decoder.upsample(), decoder.minChannels()), alpha, 0.0, loss,
                stopGradFused, targetMomentum, targetMomentumCosine);
    }

    /** This config with the quantizer on {@code source}. */
    public CoBooMConfig quantizing(Source source) {
        return new CoBooMConfig(projector, predictor, fuseProjector, quantizer, source, diversiFuse, decoder, alpha,
                gamma, loss, stopGradFused, targetMomentum, targetMomentumCosine);
    }

    /** This config without DiversiFuse. */
    public CoBooMConfig withoutDiversiFuse() {
        return new CoBooMConfig(projector, predictor, fuseProjector, quantizer, quantize,
                new DiversiFuseConfig(false, diversiFuse.heads()), decoder, alpha, gamma, loss,
                stopGradFused, targetMomentum, targetMomentumCosine);
    }
}
