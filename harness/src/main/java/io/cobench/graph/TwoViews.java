package io.cobench.graph;

import io.cobench.data.pipeline.TwoViewTransform;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The inputs of a two-view method: placeholders named as the data pipeline names its views
 * ({@link TwoViewTransform#VIEW1}, {@link TwoViewTransform#VIEW2}), and both stacked along the
 * batch ("views", view 1 first) so one encoder pass serves both.
 *
 * @param view1 [B,C,S,S]
 * @param view2 [B,C,S,S]
 * @param both  [2B,C,S,S], view 1's rows first
 */
public record TwoViews(SDVariable view1, SDVariable view2, SDVariable both) {

    /** The views and the encoder's features of their stack: the start of every two-view method. */
    public record Encoded(TwoViews views, ResNet.Features features) {
    }

    /** Declares the views and passes their stack through a ResNet built under {@code ctx}'s {@code scope}. */
    public static Encoded encode(GraphContext ctx, String scope, ResNetConfig enc) {
        TwoViews v = declare(ctx.sd(), enc);
        return new Encoded(v, ResNet.build(ctx.scope(scope), v.both(), enc));
    }

    /** Declares the two placeholders for {@code enc}'s channels and image size, and their stack. */
    public static TwoViews declare(SameDiff sd, ResNetConfig enc) {
        SDVariable v1 = image(sd, TwoViewTransform.VIEW1, enc);
        SDVariable v2 = image(sd, TwoViewTransform.VIEW2, enc);
        return new TwoViews(v1, v2, sd.concat("views", 0, v1, v2));
    }

    /** An image placeholder [B,C,S,S] for {@code enc}, any batch size. */
    public static SDVariable image(SameDiff sd, String name, ResNetConfig enc) {
        return sd.placeHolder(name, DataType.FLOAT, -1, enc.channels(), enc.imageSize(), enc.imageSize());
    }

    /** Both views stacked the other way round ("views_swapped"): a target branch sees view 2 first. */
    public SDVariable swapped(SameDiff sd) {
        return sd.concat("views_swapped", 0, view2, view1);
    }
}
