package io.cobench.benchmark.gradcam;

import io.cobench.benchmark.data.FindingBox;
import java.util.List;

/**
 * The pointing game (Zhang et al., 2016): a map scores a hit when its peak lies inside one of the
 * image's boxes of the finding; the score of a class is hits over images.
 */
public final class PointingGame {
    private PointingGame() {
    }

    /** Whether {@code map}'s peak falls in any of {@code boxes}; an all-zero map is a miss. */
    public static boolean hit(Heatmap map, List<FindingBox> boxes) {
        int[] p = map.peak();
        if (p == null) {
            return false;
        }
        for (FindingBox b : boxes) {
            if (b.contains(p[0], p[1])) {
                return true;
            }
        }
        return false;
    }

    /** One method's result on one finding. */
    public record Score(String method, String finding, int images, int hits) {
        public double value() {
            return images == 0 ? Double.NaN : (double) hits / images;
        }
    }
}
