package io.cobench.data.siim;

import io.cobench.cli.UserError;
import io.cobench.data.CsvTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SIIM-ACR's mask file ({@code train-rle.csv}, or stage 2's {@code stage_2_train.csv}). The
 * Kaggle copy writes {@code ImageId, EncodedPixels} and {@code , -1}; other copies have no
 * spaces. Header and values are trimmed, so both read alike. One row per region; a negative
 * image has one {@code -1} row.
 */
public final class SiimRleFile {

    /** Accepted file names, preferred first, at the root or in a {@code siim/} folder. */
    public static final List<String> FILE_NAMES = List.of("train-rle.csv", "stage_2_train.csv");

    /**
     * One image and its rows.
     *
     * @param id the ImageId (DICOM SOPInstanceUID)
     * @param rles the codes of its rows, {@code ["-1"]} for a negative
     * @param lines the rows' line numbers
     * @param file the mask file the rows come from
     */
    public record Image(String id, List<String> rles, List<Integer> lines, Path file) {
        public boolean positive() {
            return !(rles.size() == 1 && SiimRle.isEmpty(rles.get(0)));
        }
    }

    private SiimRleFile() {
    }

    /** The mask file under {@code root} (or {@code root/siim}). */
    public static Path locate(Path root) {
        for (Path dir : List.of(root, root.resolve("siim"))) {
            for (String n : FILE_NAMES) {
                if (Files.isRegularFile(dir.resolve(n))) {
                    return dir.resolve(n);
                }
            }
        }
        throw new UserError(root + ": no SIIM mask file (" + String.join(" or ", FILE_NAMES) + ") there");
    }

    /**
     * Images in order of first appearance. Every code is checked against the 1024x1024 frame; an
     * image with both {@code -1} and a region, or a second {@code -1}, is an error naming the line.
     */
    public static Map<String, Image> read(Path file) {
        CsvTable t = CsvTable.read(file, true);
        int idCol = t.column("ImageId");
        int rleCol = t.column("EncodedPixels");
        Map<String, List<CsvTable.Row>> rows = new LinkedHashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String id = r.fields().get(idCol);
            if (id.isEmpty()) {
                throw new UserError(t.where(r) + ": empty ImageId");
            }
            String rle = r.fields().get(rleCol);
            try {
                SiimRle.validate(rle, SiimRle.SIZE, SiimRle.SIZE);
            } catch (IllegalArgumentException e) {
                throw new UserError(t.where(r) + ": bad EncodedPixels for " + id + ": " + e.getMessage());
            }
            List<CsvTable.Row> prev = rows.computeIfAbsent(id, k -> new ArrayList<>());
            if (!prev.isEmpty() && (SiimRle.isEmpty(rle) || SiimRle.isEmpty(prev.get(0).fields().get(rleCol)))) {
                throw new UserError(t.where(r) + ": image " + id + " has an empty-mask row (-1) and another row"
                        + " (first at line " + prev.get(0).line() + ")");
            }
            prev.add(r);
        }
        Map<String, Image> out = new LinkedHashMap<>();
        rows.forEach((id, rs) -> {
            List<String> rles = new ArrayList<>(rs.size());
            List<Integer> lines = new ArrayList<>(rs.size());
            for (CsvTable.Row r : rs) {
                rles.add(r.fields().get(rleCol));
                lines.add(r.line());
            }
            out.put(id, new Image(id, List.copyOf(rles), List.copyOf(lines), file));
        });
        return out;
    }

    /**
     * The union of an image's regions as a row-major 0/1 mask in the code's own frame,
     * {@link SiimRle#SIZE} square. A bad code is an error naming file, line and ImageId.
     */
    public static byte[] mask(Image image) {
        byte[] mask = new byte[SiimRle.SIZE * SiimRle.SIZE];
        for (int i = 0; i < image.rles().size(); i++) {
            try {
                SiimRle.decodeInto(image.rles().get(i), SiimRle.SIZE, SiimRle.SIZE, mask);
            } catch (IllegalArgumentException e) {
                throw new UserError(image.file() + ":" + image.lines().get(i) + ": bad EncodedPixels for "
                        + image.id() + ": " + e.getMessage(), e);
            }
        }
        return mask;
    }

    /** {@link #mask(Image)} scaled to an image of {@code width x height} pixels. */
    public static byte[] mask(Image image, int width, int height) {
        return SiimRle.scale(mask(image), SiimRle.SIZE, SiimRle.SIZE, width, height);
    }
}
