package io.cobench.data.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every label is a visible change, and the chest findings are local: painted with and without a
 * finding, a radiograph differs only inside that finding's region (grown by the blur radius).
 */
class FindingVisibilityTest {
    private static final int SIZE = 96;

    private static int[] diff(byte[] a, byte[] b) {
        int[] d = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return d;
    }

    @Test
    void chestFindingsChangeOnlyTheirOwnRegion() {
        ChestPainter painter = new ChestPainter(SIZE);
        ChestAnatomy anatomy = ChestAnatomy.sample(Seeds.rng(7, "anatomy"));
        byte[] clean = painter.paint(anatomy, EnumSet.noneOf(NihFinding.class), false, 99, 1).canvas().toBytes();
        int blurReach = (int) Math.ceil(3 * (0.3 + 0.002 * SIZE)) + 2;
        for (NihFinding f : NihFinding.values()) {
            ChestPainter.Picture pic = painter.paint(anatomy, EnumSet.of(f), false, 99, 1);
            int[] d = diff(pic.canvas().toBytes(), clean);
            Box region = pic.regions().get(f).box(1e-6).grow(blurReach);
            int changed = 0;
            int max = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int v = d[y * SIZE + x];
                    max = Math.max(max, v);
                    changed += v >= 8 ? 1 : 0;
                    boolean global = f == NihFinding.CARDIOMEGALY || f == NihFinding.EMPHYSEMA;
                    if (!global && !region.contains(x, y)) {
                        assertEquals(0, v, f + " changed pixel (" + x + "," + y + ") outside its region " + region);
                    }
                }
            }
            assertTrue(max >= 20 && changed >= 4, f + ": max change " + max + ", " + changed + " pixels by 8+ levels");
        }
    }

    @Test
    void everyMuredLabelIsAVisibleChange() {
        long seed = 21;
        FundusEye eye = FundusEye.sample(Seeds.rng(seed, "eye"), SIZE, SIZE, 0.46, true,
                FundusEye.pigment(Seeds.rng(seed, "pigment")), seed);
        byte[] normal = FundusPainter.paint(eye, MuredWriter.signs(new int[20], seed)).toBytes();
        int[] y0 = new int[20];
        y0[MuredWriter.index("NORMAL")] = 1;
        assertTrue(java.util.Arrays.equals(normal, FundusPainter.paint(eye, MuredWriter.signs(y0, seed)).toBytes()),
                "NORMAL draws nothing");
        for (String label : MuredWriter.LABELS) {
            if (label.equals("NORMAL")) {
                continue;
            }
            int[] y = new int[20];
            y[MuredWriter.index(label)] = 1;
            int[] d = diff(FundusPainter.paint(eye, MuredWriter.signs(y, seed)).toBytes(), normal);
            int changed = 0;
            for (int v : d) {
                changed += v >= 12 ? 1 : 0;
            }
            assertTrue(changed >= 12, label + " changes only " + changed + " samples by 12+ levels");
        }
    }

    @Test
    void odirClassesAreVisibleChanges() {
        long seed = 22;
        FundusEye eye = FundusEye.sample(Seeds.rng(seed, "eye"), SIZE, SIZE, 0.485, false,
                FundusEye.pigment(Seeds.rng(seed, "pigment")), seed);
        byte[] normal = FundusPainter.paint(eye, OdirWriter.signs(new OdirWriter.Eye(0, false, 0, "normal fundus", 1,
                eye))).toBytes();
        String[] keywords = {"normal fundus", "moderate non proliferative retinopathy", "glaucoma", "cataract",
            "dry age-related macular degeneration", "hypertensive retinopathy", "pathological myopia", "laser spot"};
        for (int cls = 1; cls < 8; cls++) {
            int[] d = diff(FundusPainter.paint(eye, OdirWriter.signs(new OdirWriter.Eye(0, false, cls, keywords[cls], 2,
                    eye))).toBytes(), normal);
            int changed = 0;
            for (int v : d) {
                changed += v >= 12 ? 1 : 0;
            }
            assertTrue(changed >= 12, OdirWriter.CLASSES[cls] + " changes only " + changed + " samples");
        }
    }

    @Test
    void eyepacsGradesChangeMoreOfThePictureAsTheyRise() {
        long seed = 23;
        FundusEye eye = FundusEye.sample(Seeds.rng(seed, "eye"), SIZE * 4 / 3, SIZE, 0.5, true,
                FundusEye.pigment(Seeds.rng(seed, "pigment")), seed);
        byte[] healthy = FundusPainter.paint(eye, EyePacsWriter.signs(0, false)).toBytes();
        int previous = 0;
        for (int level = 1; level <= 4; level++) {
            Map<FundusSign, Double> signs = EyePacsWriter.signs(level, false);
            int changed = 0;
            for (int v : diff(FundusPainter.paint(eye, signs).toBytes(), healthy)) {
                changed += v >= 12 ? 1 : 0;
            }
            assertTrue(changed > previous, "grade " + level + " changes " + changed + " samples, grade " + (level - 1)
                    + " " + previous);
            previous = changed;
        }
    }
}
