package io.cobench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RecyclingSessionTest {

    /** y = ((x * 2 + 1) * 3 + 1) * 4, loss = sum(y * w): a chain whose intermediates die one by one. */
    private static SameDiff chain() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 2, 3);
        SDVariable w = sd.var("w", Nd4j.createFromArray(new float[] {1, 2, 3, 4, 5, 6}).reshape(2, 3));
        SDVariable y = x.mul(2).add(1).mul(3).add(1).mul(4).mul(w);
        y.sum().rename("loss");
        sd.setLossVariables("loss");
        return sd;
    }

    @Test
    void repeatedCallsReuseArraysAndGiveExactResults() {
        INDArray x = Nd4j.createFromArray(new float[] {0, 1, 2, 3, 4, 5}).reshape(2, 3);
        long before = RecyclingSession.reusedTotal();
        Map<String, INDArray> g = RecyclingSession.withMode(RecyclingSession.Mode.POISON, () -> {
            SameDiff sd = chain();
            Map<String, INDArray> last = null;
            for (int i = 0; i < 3; i++) {
                last = sd.calculateGradients(Map.of("x", x), "w");
            }
            return last;
        });
        // d loss / d w = ((x * 2 + 1) * 3 + 1) * 4 = 24 x + 16, whatever stale NaNs the reused arrays held
        INDArray expect = x.mul(24).addi(16);
        assertEquals(expect, g.get("w"));
        assertTrue(RecyclingSession.reusedTotal() - before >= 5, "reused " + (RecyclingSession.reusedTotal() - before));
    }

    @Test
    void onlyArraysTheLastCallReturnedCanBeGivenBack() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3);
        int[] taken = RecyclingSession.withMode(RecyclingSession.Mode.ON, () -> {
            SameDiff sd = chain();
            INDArray grad = sd.calculateGradients(Map.of("x", x), "w").get("w");
            int stranger = RecyclingSession.giveBack(List.of(Nd4j.rand(DataType.FLOAT, 2, 3)));
            int own = RecyclingSession.giveBack(List.of(grad));
            int again = RecyclingSession.giveBack(List.of(grad));
            return new int[] {stranger, own, again};
        });
        assertEquals(0, taken[0], "an array the session never returned");
        assertEquals(1, taken[1], "the gradient it returned");
        assertEquals(0, taken[2], "the same gradient twice");
    }

    @Test
    void aBadModePropertyIsRefusedByName() {
        String saved = System.getProperty("cobench.recycle");
        try {
            System.setProperty("cobench.recycle", "sometimes");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, RecyclingSession::defaultMode);
            assertTrue(e.getMessage().contains("cobench.recycle=sometimes"), e.getMessage());
            System.setProperty("cobench.recycle", "Poison");
            assertEquals(RecyclingSession.Mode.POISON, RecyclingSession.defaultMode());
            System.setProperty("cobench.recycle", "false");
            assertEquals(RecyclingSession.Mode.OFF, RecyclingSession.defaultMode());
        } finally {
            if (saved == null) {
                System.clearProperty("cobench.recycle");
            } else {
                System.setProperty("cobench.recycle", saved);
            }
        }
    }
}
