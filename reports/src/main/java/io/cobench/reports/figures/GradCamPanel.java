package io.cobench.reports.figures;

import io.cobench.cli.UserError;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A grid of Grad-CAM overlays in the style of the paper's Fig. 2: one row per method, one column
 * per finding. The benchmark writes overlays as {@code gradcam/<method>/<class>/<image-id>.png};
 * each column shows the same image for every method (the image most methods have, ties broken
 * by id) so the rows can be compared.
 */
public final class GradCamPanel {
    /** The paper's four findings, in its order. */
    public static final List<String> CLASSES = List.of("Atelectasis", "Effusion", "Cardiomegaly", "Mass");
    static final int TILE = 180;
    static final int LABEL_W = 150;
    static final int HEADER_H = 28;
    static final int GAP = 4;
    static final int LEGEND_H = 66;
    /** The colour of the peak's cross in the benchmark's overlays (gradcam.Overlay). */
    static final int CROSS_RGB = 0xFF00FF;

    /**
     * What was drawn.
     *
     * @param written whether the PNG was written
     * @param methods row labels drawn, top to bottom
     * @param images  image id chosen per class
     * @param notes   what was missing or ignored
     */
    public record Outcome(boolean written, List<String> methods, Map<String, String> images, List<String> notes) {
    }

    private GradCamPanel() {
    }

    /**
     * @param gradcamDir STORE/gradcam
     * @param rowLabels  method key to row label, for ordering and captions
     * @param rowOrder   row labels in table order
     * @param file       PNG to write
     */
    public static Outcome write(Path gradcamDir, Map<String, String> rowLabels, List<String> rowOrder, Path file) {
        List<String> notes = new ArrayList<>();
        List<String> methods = dirs(gradcamDir);
        if (methods.isEmpty()) {
            return new Outcome(false, List.of(), Map.of(), List.of("no Grad-CAM overlays in " + gradcamDir
                    + "; the Grad-CAM panel was skipped"));
        }
        methods = new ArrayList<>(methods);
        methods.sort(Comparator.comparingInt((String m) -> {
            int i = rowOrder.indexOf(rowLabels.getOrDefault(m, m));
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(m -> m));
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String cls : CLASSES) {
            Map<String, Integer> count = new TreeMap<>();
            for (String m : methods) {
                images(gradcamDir.resolve(m).resolve(cls)).forEach(id -> count.merge(id, 1, Integer::sum));
            }
            count.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .ifPresent(e -> chosen.put(cls, e.getKey()));
        }
        for (String m : methods) {
            for (String other : dirs(gradcamDir.resolve(m))) {
                if (!CLASSES.contains(other)) {
                    notes.add("Grad-CAM class folder " + m + "/" + other + " is not one of " + CLASSES + " and was not drawn");
                }
            }
        }
        if (chosen.isEmpty()) {
            return new Outcome(false, List.of(), Map.of(), List.of("no Grad-CAM overlays for " + CLASSES
                    + " in " + gradcamDir + "; the Grad-CAM panel was skipped"));
        }
        int w = LABEL_W + CLASSES.size() * (TILE + GAP);
        int h = HEADER_H + methods.size() * (TILE + GAP) + LEGEND_H;
        List<String> labels = new ArrayList<>();
        BufferedImage[][] tiles = new BufferedImage[methods.size()][CLASSES.size()];
        for (int r = 0; r < methods.size(); r++) {
            String m = methods.get(r);
            labels.add(rowLabels.getOrDefault(m, m));
            for (int k = 0; k < CLASSES.size(); k++) {
                String cls = CLASSES.get(k);
                Optional<Path> p = Optional.ofNullable(chosen.get(cls))
                        .map(id -> gradcamDir.resolve(m).resolve(cls).resolve(id + ".png")).filter(Files::isRegularFile);
                if (p.isPresent()) {
                    tiles[r][k] = read(p.get());
                } else if (chosen.containsKey(cls)) {
                    notes.add("Grad-CAM overlay " + m + "/" + cls + "/" + chosen.get(cls) + ".png is missing");
                }
            }
        }
        Figure.write(file, w, h, g -> paint(g, labels, tiles, h));
        return new Outcome(true, labels, chosen, notes);
    }

    private static void paint(Graphics2D g, List<String> labels, BufferedImage[][] tiles, int h) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        for (int k = 0; k < CLASSES.size(); k++) {
            centred(g, CLASSES.get(k), LABEL_W + k * (TILE + GAP), 0, TILE, HEADER_H);
        }
        for (int r = 0; r < labels.size(); r++) {
            int y = HEADER_H + r * (TILE + GAP);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            centred(g, labels.get(r), 0, y, LABEL_W, TILE);
            for (int k = 0; k < CLASSES.size(); k++) {
                int x = LABEL_W + k * (TILE + GAP);
                BufferedImage tile = tiles[r][k];
                if (tile != null) {
                    drawTile(g, tile, x, y);
                    if (!hasPeakMark(tile)) {
                        // The overlay draws no cross when the map is zero everywhere: it points
                        // nowhere and the pointing game counts a miss. Say so on the tile.
                        banner(g, "map all zero: a miss", x, y + TILE - 22);
                    }
                } else {
                    g.setColor(new Color(0xDDDDDD));
                    g.fillRect(x, y, TILE, TILE);
                    g.setColor(Color.DARK_GRAY);
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                    centred(g, "no overlay", x, y, TILE, TILE);
                }
            }
        }
        legend(g, h - LEGEND_H);
    }

    /** What the marks mean, under the grid. */
    private static void legend(Graphics2D g, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int x = 12;
        g.setColor(Color.BLACK);
        g.fillRect(x, y + 6, 22, 16);
        g.setColor(Color.WHITE);
        g.drawRect(x + 3, y + 9, 15, 9);
        g.setColor(Color.BLACK);
        g.drawString("white box: the finding's bounding box", x + 30, y + 19);
        int x2 = x + 300;
        g.fillRect(x2, y + 6, 22, 16);
        g.setColor(new Color(CROSS_RGB));
        g.drawLine(x2 + 5, y + 14, x2 + 17, y + 14);
        g.drawLine(x2 + 11, y + 8, x2 + 11, y + 20);
        g.setColor(Color.BLACK);
        g.drawString("magenta cross: the map's peak (inside the box: a hit)", x2 + 30, y + 19);
        g.drawString("Colour: Grad-CAM heat of the finding's class, red high. No cross: the map is zero everywhere",
                x, y + 40);
        g.drawString("(no positive evidence anywhere), which the pointing game counts as a miss.", x, y + 56);
    }

    private static void banner(Graphics2D g, String text, int x, int y) {
        g.setColor(new Color(0, 0, 0, 190));
        g.fillRect(x, y, TILE, 22);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        centred(g, text, x, y, TILE, 22);
    }

    /** Whether the overlay carries the peak's cross (pure magenta, as the benchmark's Overlay draws it). */
    static boolean hasPeakMark(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == CROSS_RGB) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void drawTile(Graphics2D g, BufferedImage src, int x, int y) {
        double scale = Math.min((double) TILE / src.getWidth(), (double) TILE / src.getHeight());
        int dw = (int) Math.round(src.getWidth() * scale);
        int dh = (int) Math.round(src.getHeight() * scale);
        g.setColor(Color.BLACK);
        g.fillRect(x, y, TILE, TILE);
        g.drawImage(src, x + (TILE - dw) / 2, y + (TILE - dh) / 2, dw, dh, null);
    }

    private static void centred(Graphics2D g, String text, int x, int y, int w, int h) {
        FontMetrics fm = g.getFontMetrics();
        int tx = x + Math.max(2, (w - fm.stringWidth(text)) / 2);
        int ty = y + (h - fm.getHeight()) / 2 + fm.getAscent();
        g.drawString(text, tx, ty);
    }

    private static BufferedImage read(Path p) {
        try {
            BufferedImage img = ImageIO.read(p.toFile());
            if (img == null) {
                throw new UserError(p + " is not a readable image");
            }
            return img;
        } catch (IOException e) {
            throw new UserError("could not read " + p + ": " + e.getMessage(), e);
        }
    }

    private static List<String> dirs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UserError("could not list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> images(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UserError("could not list " + dir + ": " + e.getMessage(), e);
        }
    }
}
