package io.cobench.reports.figures;

import io.cobench.reports.StoreFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.reports.tables.Layout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradCamPanelTest {

    @TempDir
    Path tmp;

    private void overlay(String method, String cls, String id, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        Path f = tmp.resolve("gradcam").resolve(method).resolve(cls).resolve(id + ".png");
        Files.createDirectories(f.getParent());
        ImageIO.write(img, "png", f.toFile());
    }

    @Test
    void rowsInTableOrderAndTheSameImagePerColumn() throws IOException {
        overlay("coboom", "Mass", "img2", 0xFF0000);
        overlay("coboom", "Mass", "img1", 0x00FF00);
        overlay("dira", "Mass", "img1", 0x0000FF);
        overlay("dira", "Effusion", "img7", 0x0000FF);
        overlay("dira", "Nodule", "img9", 0x0000FF);
        Path png = tmp.resolve("panel.png");
        GradCamPanel.Outcome o = GradCamPanel.write(tmp.resolve("gradcam"),
                Map.of("coboom", "Ours w/Dec.", "dira", "DiRA"), StoreFixture.ROWS, png);
        assertTrue(o.written());
        assertEquals(List.of("DiRA", "Ours w/Dec."), o.methods());
        // img1 is the Mass image both methods have; img2 (CoBooM only) loses.
        assertEquals(Map.of("Effusion", "img7", "Mass", "img1"), o.images());
        assertEquals(List.of("Grad-CAM class folder dira/Nodule is not one of [Atelectasis, Effusion, Cardiomegaly, Mass] "
                + "and was not drawn", "Grad-CAM overlay coboom/Effusion/img7.png is missing"), o.notes());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(GradCamPanel.LABEL_W + 4 * (GradCamPanel.TILE + GradCamPanel.GAP), img.getWidth());
        assertEquals(GradCamPanel.HEADER_H + 2 * (GradCamPanel.TILE + GradCamPanel.GAP) + GradCamPanel.LEGEND_H,
                img.getHeight());
        // Centre of the Mass tile: blue in DiRA's row, green (img1, not img2) in CoBooM's.
        int massX = GradCamPanel.LABEL_W + 3 * (GradCamPanel.TILE + GradCamPanel.GAP) + GradCamPanel.TILE / 2;
        int row0 = GradCamPanel.HEADER_H + GradCamPanel.TILE / 2;
        int row1 = row0 + GradCamPanel.TILE + GradCamPanel.GAP;
        assertEquals(0x0000FF, img.getRGB(massX, row0) & 0xFFFFFF);
        assertEquals(0x00FF00, img.getRGB(massX, row1) & 0xFFFFFF);
        // The overlays carry no peak cross (their maps were zero): each tile says so in a dark
        // banner along its bottom, where the plain blue tile would otherwise be.
        int bannerY = GradCamPanel.HEADER_H + GradCamPanel.TILE - 3;
        int px = img.getRGB(GradCamPanel.LABEL_W + 3 * (GradCamPanel.TILE + GradCamPanel.GAP) + 2, bannerY) & 0xFFFFFF;
        assertTrue((px & 0xFF) < 0x80 && px != 0x0000FF, Integer.toHexString(px));
        assertTrue(Files.isRegularFile(tmp.resolve("panel.svg")) && Files.isRegularFile(tmp.resolve("panel.pdf")));
    }

    @Test
    void aPeakCrossIsOnePureMagentaPixel() {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        assertFalse(GradCamPanel.hasPeakMark(img));
        img.setRGB(2, 3, 0xFE00FF);
        assertFalse(GradCamPanel.hasPeakMark(img));
        img.setRGB(1, 1, 0xFF00FF);
        assertTrue(GradCamPanel.hasPeakMark(img));
    }

    @Test
    void nothingToDrawIsReportedNotFaked() {
        GradCamPanel.Outcome o = GradCamPanel.write(tmp.resolve("gradcam"), Map.of(), StoreFixture.ROWS, tmp.resolve("p.png"));
        assertFalse(o.written());
        assertFalse(Files.exists(tmp.resolve("p.png")));
        assertEquals(List.of("no Grad-CAM overlays in " + tmp.resolve("gradcam") + "; the Grad-CAM panel was skipped"),
                o.notes());
    }
}
