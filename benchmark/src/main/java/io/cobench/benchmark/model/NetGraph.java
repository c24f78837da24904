package io.cobench.benchmark.model;

import io.cobench.graph.GraphContext;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A built downstream network and the names that matter.
 *
 * @param ctx the root context (its registry lists BN layers and non-trainable state)
 * @param input image placeholder [N, C, H, W]
 * @param target label placeholder ([N, classes] or [N, 1, H, W] masks)
 * @param logits pre-sigmoid output
 * @param prob sigmoid of the logits
 * @param loss scalar BCE on the logits
 * @param featureMap the encoder's last feature map [N, C', h, w]
 * @param pooled its global average [N, C']
 */
public record NetGraph(SameDiff sd, GraphContext ctx, String input, String target, String logits, String prob,
                       String loss, String featureMap, String pooled) {
}
