package io.cobench.data.phantom;

import io.cobench.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a phantom ODIR-5K in the Kaggle layout: {@code preprocessed_images/{ID}_{left|right}.jpg}
 * and {@code full_df.csv} with the 19 columns (the 15 of the annotation sheet, then
 * {@code filepath, labels, target, filename}). As in the real file there is one row per kept
 * eye with a single class; N..O are patient-level; keywords are joined with the full-width comma;
 * eyes with a discard keyword ("low image quality", ...) have neither a row nor an image.
 */
final class OdirWriter {
    static final String[] CLASSES = {"N", "D", "G", "C", "A", "H", "M", "O"};
    static final String HEADER = "ID,Patient Age,Patient Sex,Left-Fundus,Right-Fundus,Left-Diagnostic Keywords,"
            + "Right-Diagnostic Keywords,N,D,G,C,A,H,M,O,filepath,labels,target,filename";
    static final String KAGGLE_DIR = "../input/ocular-disease-recognition-odir5k/ODIR-5K/Training Images/";
    static final String COMMA = "\uFF0C";
    private static final double[] WEIGHTS = {0.42, 0.24, 0.055, 0.055, 0.05, 0.045, 0.05, 0.085};
    private static final String[] DR_STAGES = {"mild nonproliferative retinopathy",
        "moderate non proliferative retinopathy", "severe nonproliferative retinopathy",
        "proliferative diabetic retinopathy"};
    private static final String[] OTHER = {"epiretinal membrane", "laser spot", "myelinated nerve fibers",
        "macular hole", "drusen"};
    private static final String[] DISCARD = {"low image quality", "lens dust", "no fundus image"};

    /** One eye: class index (or -1 when discarded), keywords, DR stage (1-4), picture. */
    record Eye(int id, boolean right, int cls, String keywords, int stage, FundusEye eye) {
        String filename() {
            return id + (right ? "_right.jpg" : "_left.jpg");
        }
    }

    /** One patient: age, sex, left and right eye. */
    record Patient(int id, int age, String sex, Eye left, Eye right) {
    }

    private OdirWriter() {
    }

    static List<Patient> plan(long seed, int patients, int size) {
        List<Patient> out = new ArrayList<>();
        for (int id = 0; id < patients; id++) {
            SplittableRandom r = Seeds.rng(seed, "odir-patient", id);
            int primary = pick(r);
            double[] pigment = FundusEye.pigment(r);
            int age = 35 + r.nextInt(51);
            String sex = Seeds.chance(r, 0.53) ? "Male" : "Female";
            // patient 0 pins a discarded left eye, patient 1 a right eye with two "other" keywords
            int discarded = id == 0 ? 0 : Seeds.chance(r, 0.12) ? r.nextInt(2) : -1;
            Eye[] eyes = new Eye[2];
            for (int side = 0; side < 2; side++) {
                boolean right = side == 1;
                int cls = Seeds.chance(r, 0.65) ? primary : pick(r);
                int stage = 1 + r.nextInt(4);
                String keywords;
                if (side == discarded) {
                    cls = -1;
                    keywords = DISCARD[r.nextInt(DISCARD.length)];
                } else if (id == 1 && right) {
                    cls = CLASSES.length - 1;
                    keywords = OTHER[1] + COMMA + OTHER[2];
                } else {
                    keywords = keywords(r, cls, stage);
                }
                long pixels = Seeds.mix(seed, "odir-pixels".hashCode(), id, side);
                FundusEye eye = FundusEye.sample(Seeds.rng(pixels, "eye"), size, size, 0.485, right, pigment, pixels);
                eyes[side] = new Eye(id, right, cls, keywords, stage, eye);
            }
            out.add(new Patient(id, age, sex, eyes[0], eyes[1]));
        }
        return out;
    }

    private static int pick(SplittableRandom r) {
        double u = r.nextDouble();
        for (int k = 0; k < WEIGHTS.length; k++) {
            u -= WEIGHTS[k];
            if (u < 0) {
                return k;
            }
        }
        return WEIGHTS.length - 1;
    }

    private static String keywords(SplittableRandom r, int cls, int stage) {
        return switch (CLASSES[cls]) {
            case "N" -> "normal fundus";
            case "D" -> DR_STAGES[stage - 1];
            case "G" -> "glaucoma";
            case "C" -> "cataract";
            case "A" -> Seeds.chance(r, 0.6) ? "dry age-related macular degeneration"
                    : "wet age-related macular degeneration";
            case "H" -> "hypertensive retinopathy";
            case "M" -> "pathological myopia";
            default -> {
                int first = r.nextInt(OTHER.length);
                yield Seeds.chance(r, 0.3) ? OTHER[first] + COMMA + OTHER[(first + 1 + r.nextInt(OTHER.length - 1))
                        % OTHER.length] : OTHER[first];
            }
        };
    }

    /** The visible signs of an eye's class (and of each "other" keyword). */
    static Map<FundusSign, Double> signs(Eye e) {
        Map<FundusSign, Double> s = new EnumMap<>(FundusSign.class);
        if (e.cls() < 0) {
            return s;
        }
        switch (CLASSES[e.cls()]) {
            case "D" -> s.putAll(EyePacsWriter.signs(e.stage(), false));
            case "G" -> MuredWriter.put(s, FundusSign.CUPPING, 1.0);
            case "C" -> MuredWriter.put(s, FundusSign.HAZE, 1.0);
            case "A" -> {
                if (e.keywords().startsWith("wet")) {
                    MuredWriter.put(s, FundusSign.CNV_MEMBRANE, 1.0, FundusSign.DRUSEN, 0.4);
                } else {
                    MuredWriter.put(s, FundusSign.MACULAR_ATROPHY, 1.0, FundusSign.DRUSEN, 0.7);
                }
            }
            case "H" -> MuredWriter.put(s, FundusSign.NARROW_ARTERIES, 1.0, FundusSign.FLAME_HAEMORRHAGES, 0.3,
                    FundusSign.COPPER_WIRE, 0.5);
            case "M" -> MuredWriter.put(s, FundusSign.PERIPAPILLARY_ATROPHY, 1.0, FundusSign.TESSELLATION, 0.8);
            case "O" -> {
                for (String k : e.keywords().split(COMMA)) {
                    FundusSign sign = switch (k) {
                        case "epiretinal membrane" -> FundusSign.EPIRETINAL_SHEEN;
                        case "laser spot" -> FundusSign.LASER_SCARS;
                        case "myelinated nerve fibers" -> FundusSign.MYELINATED_FIBRES;
                        case "macular hole" -> FundusSign.MACULAR_HOLE;
                        default -> FundusSign.DRUSEN;
                    };
                    MuredWriter.put(s, sign, 1.0);
                }
            }
            default -> {
                // N: a healthy fundus
            }
        }
        return s;
    }

    static void write(PhantomConfig cfg, Tasks tasks) {
        Path dir = cfg.out().resolve("odir");
        List<Patient> patients = plan(cfg.seed(), cfg.odirPatients(), cfg.size());
        List<Eye> kept = new ArrayList<>();
        // the Kaggle file lists right eyes first, then left eyes
        for (boolean right : new boolean[] {true, false}) {
            for (Patient p : patients) {
                Eye e = right ? p.right() : p.left();
                if (e.cls() >= 0) {
                    kept.add(e);
                }
            }
        }
        tasks.forEach(kept.size(), i -> {
            Eye e = kept.get(i);
            ImageFiles.write(dir.resolve("preprocessed_images").resolve(e.filename()), FundusPainter.paint(e.eye(),
                    signs(e)));
        });
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Eye e : kept) {
            Patient p = patients.get(e.id());
            int[] patientLevel = new int[CLASSES.length];
            boolean disease = false;
            for (Eye x : new Eye[] {p.left(), p.right()}) {
                if (x.cls() > 0) {
                    patientLevel[x.cls()] = 1;
                    disease = true;
                }
            }
            patientLevel[0] = disease ? 0 : 1;
            StringBuilder target = new StringBuilder("\"[");
            for (int k = 0; k < CLASSES.length; k++) {
                target.append(k == 0 ? "" : ", ").append(k == e.cls() ? 1 : 0);
            }
            target.append("]\"");
            csv.append(p.id()).append(',').append(p.age()).append(',').append(p.sex()).append(',')
                    .append(p.left().filename()).append(',').append(p.right().filename()).append(',')
                    .append(p.left().keywords()).append(',').append(p.right().keywords());
            for (int v : patientLevel) {
                csv.append(',').append(v);
            }
            csv.append(',').append(KAGGLE_DIR).append(e.filename()).append(",['").append(CLASSES[e.cls()])
                    .append("'],").append(target).append(',').append(e.filename()).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("full_df.csv"), csv.toString());
    }
}
