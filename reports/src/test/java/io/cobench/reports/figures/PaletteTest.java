package io.cobench.reports.figures;

import io.cobench.reports.StoreFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.reports.tables.Layout;
import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteTest {

    /** WCAG relative luminance. */
    static double luminance(Color c) {
        double[] ch = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            ch[i] = ch[i] <= 0.03928 ? ch[i] / 12.92 : Math.pow((ch[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
    }

    @Test
    void elevenRowsElevenColoursAllVisibleOnWhite() {
        List<Color> cs = StoreFixture.ROWS.stream().map(r -> Palette.colour(r, StoreFixture.ROWS)).toList();
        assertEquals(11, new HashSet<>(cs).size());
        for (Color c : cs) {
            // At least 2:1 against white: light grey (#BBBBBB, 1.9:1), yellow and cyan fail this.
            double contrast = 1.05 / (luminance(c) + 0.05);
            assertTrue(contrast >= 2.0, c + " contrast " + contrast);
        }
        assertTrue(1.05 / (luminance(new Color(0xF0E442)) + 0.05) < 2.0, "yellow is the kind of colour excluded");
        assertTrue(1.05 / (luminance(new Color(0xBBBBBB)) + 0.05) < 2.0, "so is light grey");
        // Any two colours differ by at least 60 in some channel.
        for (int i = 0; i < cs.size(); i++) {
            for (int j = i + 1; j < cs.size(); j++) {
                Color a = cs.get(i);
                Color b = cs.get(j);
                int d = Math.max(Math.abs(a.getRed() - b.getRed()), Math.max(Math.abs(a.getGreen() - b.getGreen()),
                        Math.abs(a.getBlue() - b.getBlue())));
                assertTrue(d >= 60, StoreFixture.ROWS.get(i) + " vs " + StoreFixture.ROWS.get(j) + ": " + d);
            }
        }
    }
}
