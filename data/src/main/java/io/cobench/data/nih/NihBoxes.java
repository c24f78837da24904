package io.cobench.data.nih;

import io.cobench.cli.UserError;
import io.cobench.data.CsvTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code BBox_List_2017.csv}: expert boxes for 8 findings on test images, used for Grad-CAM.
 * Its header ({@code Image Index,Finding Label,Bbox [x,y,w,h],,,}) cannot be read by name, so
 * fields are taken by position. The file spells Infiltration "Infiltrate"; it is renamed here so
 * that boxes and labels use the same class names.
 */
public final class NihBoxes {

    /**
     * One box in the image's 1024x1024 pixel frame.
     *
     * @param x left column
     * @param y top row
     */
    public record Box(String image, String finding, double x, double y, double w, double h, int line) {
    }

    private NihBoxes() {
    }

    public static List<Box> read(Path file) {
        CsvTable t = CsvTable.read(file, true);
        if (t.header().size() != 6) {
            throw new UserError(file + ": expected 6 fields (image, finding, x, y, w, h), header has "
                    + t.header().size() + ": " + t.header());
        }
        List<Box> out = new ArrayList<>(t.rows().size());
        for (CsvTable.Row r : t.rows()) {
            List<String> f = r.fields();
            String finding = "Infiltrate".equals(f.get(1)) ? "Infiltration" : f.get(1);
            if (!NihLabelOrder.NIH_14.classes().contains(finding)) {
                throw new UserError(t.where(r) + ": unknown finding '" + f.get(1) + "'");
            }
            out.add(new Box(f.get(0), finding, number(t, r, f.get(2)), number(t, r, f.get(3)),
                    number(t, r, f.get(4)), number(t, r, f.get(5)), r.line()));
        }
        return out;
    }

    private static double number(CsvTable t, CsvTable.Row r, String s) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserError(t.where(r) + ": box coordinate '" + s + "' is not a number");
        }
    }
}
