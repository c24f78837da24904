package io.cobench.data.phantom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The phantom labels can be learnt from the pixels: a linear model on downsampled pixels,
 * trained on one part of the data, ranks the held-out part far better than chance.
 *
 * <p>Threshold 0.7 for both: a mean AUC of 0.5 is chance, and with the held-out class sizes here
 * (roughly 5-60 positives among 100-250 images per class) a scorer without information has a
 * mean AUC over the classes with a standard deviation of about 0.02-0.03, so 0.7 is about seven
 * deviations above chance. It is also well under what the model reaches (about 0.85, printed),
 * so the test does not hinge on the last few images. Classes with fewer than 3 positives on
 * either side are left out, as a single positive gives no meaningful AUC. Small lesions (nodules,
 * masses) are hard for a linear model on 16 x 16 block means and score near 0.6; global signs
 * (cardiomegaly, effusion, cataract) near 1.
 */
@Tag("slow")
class LearnabilityTest {
    private static final int SIZE = 64;

    /** Block means: {@code size / cells} pixel squares of each channel. */
    static double[] features(byte[] hwc, int size, int channels, int cells) {
        int block = size / cells;
        double[] f = new double[cells * cells * channels];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < channels; c++) {
                    f[((y / block) * cells + x / block) * channels + c] += (hwc[(y * size + x) * channels + c] & 0xff);
                }
            }
        }
        for (int i = 0; i < f.length; i++) {
            f[i] /= block * block * 255.0;
        }
        return f;
    }

    static double meanAuc(double[][] trainX, boolean[][] trainY, double[][] testX, boolean[][] testY, int classes,
                          List<String> report, String[] names) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < classes; k++) {
            boolean[] yk = column(trainY, k);
            boolean[] tk = column(testY, k);
            if (count(yk) < 3 || count(tk) < 3) {
                continue;
            }
            Logistic m = Logistic.fit(trainX, yk, 1e-3, 200, 0.5);
            double[] s = new double[testX.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = m.score(testX[i]);
            }
            double auc = Auc.of(s, tk);
            report.add(String.format("%s %.3f (%d test positives)", names[k], auc, count(tk)));
            sum += auc;
            n++;
        }
        return sum / n;
    }

    private static boolean[] column(boolean[][] y, int k) {
        boolean[] c = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            c[i] = y[i][k];
        }
        return c;
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        return n;
    }

    @Test
    void nihFindingsAreLearntFromPixels() {
        List<NihPlan.Image> plan = NihPlan.plan(11, 1000);
        double[][] x = new double[plan.size()][];
        IntStream.range(0, plan.size()).parallel().forEach(i ->
                x[i] = features(NihWriter.render(plan.get(i), SIZE).canvas().toBytes(), SIZE, 1, 16));
        List<double[]> trX = new ArrayList<>();
        List<double[]> teX = new ArrayList<>();
        List<boolean[]> trY = new ArrayList<>();
        List<boolean[]> teY = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            boolean[] y = new boolean[NihFinding.values().length];
            plan.get(i).findings().forEach(f -> y[f.ordinal()] = true);
            (plan.get(i).test() ? teX : trX).add(x[i]);
            (plan.get(i).test() ? teY : trY).add(y);
        }
        String[] names = java.util.Arrays.stream(NihFinding.values()).map(f -> f.label).toArray(String[]::new);
        List<String> report = new ArrayList<>();
        double auc = meanAuc(trX.toArray(double[][]::new), trY.toArray(boolean[][]::new), teX.toArray(double[][]::new),
                teY.toArray(boolean[][]::new), names.length, report, names);
        System.out.println("NIH phantom held-out mean AUC " + auc + " " + report);
        assertTrue(auc > 0.7, "mean AUC " + auc + " " + report);
    }

    @Test
    void odirClassesAreLearntFromPixels() {
        List<OdirWriter.Patient> patients = OdirWriter.plan(12, 450, SIZE);
        List<OdirWriter.Eye> eyes = new ArrayList<>();
        for (OdirWriter.Patient p : patients) {
            for (OdirWriter.Eye e : new OdirWriter.Eye[] {p.left(), p.right()}) {
                if (e.cls() >= 0) {
                    eyes.add(e);
                }
            }
        }
        double[][] x = new double[eyes.size()][];
        IntStream.range(0, eyes.size()).parallel().forEach(i -> x[i] = features(
                FundusPainter.paint(eyes.get(i).eye(), OdirWriter.signs(eyes.get(i))).toBytes(), SIZE, 3, 16));
        List<double[]> trX = new ArrayList<>();
        List<double[]> teX = new ArrayList<>();
        List<boolean[]> trY = new ArrayList<>();
        List<boolean[]> teY = new ArrayList<>();
        for (int i = 0; i < eyes.size(); i++) {
            boolean[] y = new boolean[OdirWriter.CLASSES.length];
            y[eyes.get(i).cls()] = true;
            // split by patient so that both eyes of one person are on the same side
            boolean test = eyes.get(i).id() % 5 == 0;
            (test ? teX : trX).add(x[i]);
            (test ? teY : trY).add(y);
        }
        List<String> report = new ArrayList<>();
        double auc = meanAuc(trX.toArray(double[][]::new), trY.toArray(boolean[][]::new), teX.toArray(double[][]::new),
                teY.toArray(boolean[][]::new), OdirWriter.CLASSES.length, report, OdirWriter.CLASSES);
        System.out.println("ODIR phantom held-out mean AUC " + auc + " " + report);
        assertTrue(auc > 0.7, "mean AUC " + auc + " " + report);
    }
}
