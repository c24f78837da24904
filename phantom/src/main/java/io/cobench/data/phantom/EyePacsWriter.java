package io.cobench.data.phantom;

import io.cobench.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a phantom EyePACS: {@code train/{patient}_{left|right}.jpeg} (wider than tall, black
 * borders, the fundus circle sometimes cut at top and bottom) and {@code trainLabels.csv}
 * ({@code image,level}). Grades 0-4 add microaneurysms, then haemorrhages and exudates, then
 * cotton-wool spots and beaded veins, then new vessels and pre-retinal bleeding. A few pictures
 * are hazy and dark, like the real ungradable ones, and keep their label.
 */
final class EyePacsWriter {
    static final String HEADER = "image,level";

    /** One eye: file stem (e.g. {@code 10_left}), grade, and the picture's parameters. */
    record Eye(String image, int level, boolean poor, FundusEye eye) {
    }

    private EyePacsWriter() {
    }

    /** Patient grades keep the real order of counts: 0 > 2 > 1 > 3 > 4, flatter than real. */
    static int grade(SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.5 ? 0 : u < 0.63 ? 1 : u < 0.83 ? 2 : u < 0.92 ? 3 : 4;
    }

    static List<Eye> plan(long seed, int patients, int size) {
        List<Eye> eyes = new ArrayList<>();
        int id = 10;
        int width = (int) Math.round(size * 4 / 3.0);
        for (int p = 0; p < patients; p++) {
            SplittableRandom r = Seeds.rng(seed, "eyepacs-patient", p);
            // the first five patients pin grades 0-4, so every phantom shows every grade
            int base = p < 5 ? p : grade(r);
            double[] pigment = FundusEye.pigment(r);
            for (String side : new String[] {"left", "right"}) {
                int level = Seeds.chance(r, 0.7) || p < 5 ? base
                        : Math.max(0, Math.min(4, base + (Seeds.chance(r, 0.5) ? 1 : -1)));
                boolean poor = Seeds.chance(r, 0.03);
                long pixels = Seeds.mix(seed, "eyepacs-pixels".hashCode(), id, side.length());
                FundusEye eye = FundusEye.sample(Seeds.rng(pixels, "eye"), width, size,
                        0.5 * Seeds.uniform(r, 0.94, 1.08), side.equals("right"), pigment, pixels);
                if (poor) {
                    eye = new FundusEye(eye.width(), eye.height(), eye.cx(), eye.cy(), eye.radius(), eye.right(),
                            eye.pigment(), 0.45, eye.discRadius(), eye.cupRatio(), eye.seed());
                }
                eyes.add(new Eye(id + "_" + side, level, poor, eye));
            }
            id += 1 + r.nextInt(4);
        }
        return eyes;
    }

    /** The signs of a grade; strengths rise with the grade. */
    static Map<FundusSign, Double> signs(int level, boolean poor) {
        Map<FundusSign, Double> s = new EnumMap<>(FundusSign.class);
        if (level >= 1) {
            s.put(FundusSign.MICROANEURYSMS, 0.25 + 0.2 * (level - 1));
        }
        if (level >= 2) {
            s.put(FundusSign.HAEMORRHAGES, 0.3 + 0.3 * (level - 2));
            s.put(FundusSign.EXUDATES, 0.35 + 0.25 * (level - 2));
        }
        if (level >= 3) {
            s.put(FundusSign.FLAME_HAEMORRHAGES, 0.5);
            s.put(FundusSign.COTTON_WOOL, 0.6);
            s.put(FundusSign.DILATED_VEINS, 0.5);
        }
        if (level >= 4) {
            s.put(FundusSign.NEOVASCULARISATION, 1.0);
            s.put(FundusSign.PRERETINAL_HAEMORRHAGE, 1.0);
        }
        if (poor) {
            s.put(FundusSign.HAZE, 1.0);
        }
        return s;
    }

    static void write(PhantomConfig cfg, Tasks tasks) {
        Path dir = cfg.out().resolve("eyepacs");
        List<Eye> eyes = plan(cfg.seed(), cfg.eyepacsPatients(), cfg.size());
        tasks.forEach(eyes.size(), i -> {
            Eye e = eyes.get(i);
            ImageFiles.write(dir.resolve("train").resolve(e.image() + ".jpeg"),
                    FundusPainter.paint(e.eye(), signs(e.level(), e.poor())));
        });
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        eyes.forEach(e -> csv.append(e.image()).append(',').append(e.level()).append('\n'));
        AtomicFiles.writeString(dir.resolve("trainLabels.csv"), csv.toString());
    }
}
