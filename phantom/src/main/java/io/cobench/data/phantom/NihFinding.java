package io.cobench.data.phantom;

/**
 * The 14 ChestX-ray14 findings in NIH README order, with the token of {@code Finding Labels},
 * the name used in {@code BBox_List_2017.csv} (null for findings without boxes; Infiltration is
 * spelled "Infiltrate" there), and the phantom's sampling rates.
 *
 * <p>Rates are chosen so that per-image prevalence keeps the real order (Infiltration, Effusion,
 * Atelectasis, Nodule, Mass, Pneumothorax, Consolidation, Pleural_Thickening, Cardiomegaly,
 * Emphysema, Edema, Fibrosis, Pneumonia, Hernia) but is flatter than the real one (Hernia 0.2%
 * would give no positives in a few hundred images). {@code acute} is the chance per abnormal
 * image; {@code chronic} the chance per patient of a lasting finding that shows on most of that
 * patient's images.
 */
enum NihFinding {
    ATELECTASIS("Atelectasis", "Atelectasis", 0.24, 0),
    CARDIOMEGALY("Cardiomegaly", "Cardiomegaly", 0, 0.051),
    EFFUSION("Effusion", "Effusion", 0.2, 0),
    INFILTRATION("Infiltration", "Infiltrate", 0.305, 0),
    MASS("Mass", "Mass", 0, 0.088),
    NODULE("Nodule", "Nodule", 0.11, 0.027),
    PNEUMONIA("Pneumonia", "Pneumonia", 0.054, 0),
    PNEUMOTHORAX("Pneumothorax", "Pneumothorax", 0.138, 0),
    CONSOLIDATION("Consolidation", null, 0.132, 0),
    EDEMA("Edema", null, 0.078, 0),
    EMPHYSEMA("Emphysema", null, 0, 0.045),
    FIBROSIS("Fibrosis", null, 0, 0.033),
    PLEURAL_THICKENING("Pleural_Thickening", null, 0, 0.058),
    HERNIA("Hernia", null, 0, 0.02);

    final String label;
    final String boxLabel;
    final double acute;
    final double chronic;

    NihFinding(String label, String boxLabel, double acute, double chronic) {
        this.label = label;
        this.boxLabel = boxLabel;
        this.acute = acute;
        this.chronic = chronic;
    }

    static final String NO_FINDING = "No Finding";
}
