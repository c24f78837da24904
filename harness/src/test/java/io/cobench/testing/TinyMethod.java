package io.cobench.testing;

import io.cobench.graph.GraphContext;
import io.cobench.graph.Layers;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.SslMethod;
import io.cobench.spi.TrainGraph;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The smallest method the trainer can run, for harness tests that need whole runs in
 * milliseconds: {@code loss = w * mean(x) + mean(bn(x)^2)} on {@code view1} (one channel). Its
 * parts are chosen so tests can steer them: the weight {@code tiny/w} moves by
 * {@code lr * mean(x)}, so a huge constant input makes it diverge while the loss stays finite,
 * and the batch norm keeps running statistics to poison.
 */
public final class TinyMethod implements SslMethod {
    @Override
    public String name() {
        return "tiny";
    }

    @Override
    public Record config() {
        return null;
    }

    @Override
    public String encoderScope() {
        return "tiny";
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig encoder) {
        SameDiff sd = ctx.sd();
        SDVariable x = sd.placeHolder("view1", DataType.FLOAT, -1, 1, -1, -1);
        GraphContext p = ctx.scope("tiny");
        SDVariable y = Layers.batchNorm2d(p, "bn", x, 1);
        SDVariable w = p.ones("w", 1);
        SDVariable loss = x.mean().mul(w).add(y.mul(y).mean()).rename("loss");
        return TrainGraph.simple(Map.of("loss", loss.name()), List.of(), Map.of());
    }
}
