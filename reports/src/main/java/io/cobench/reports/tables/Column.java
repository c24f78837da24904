package io.cobench.reports.tables;

/**
 * One column of the paper's tables: a dataset at a label fraction.
 *
 * @param dataset  NIH, SIIM, MuReD or ODIR (as in metrics.json)
 * @param fraction label percentage, 100 meaning All
 * @param metric   AUC or Dice
 */
public record Column(String dataset, int fraction, String metric) {

    /** The label-fraction header as the paper prints it: "1%" ... "All". */
    public String fractionLabel() {
        return fraction == 100 ? "All" : fraction + "%";
    }

    /** One-line header, e.g. "NIH 10%" or "SIIM All". */
    public String header() {
        return dataset + " " + fractionLabel();
    }

    /** Stable key for files and seeds, e.g. "NIH/10". */
    public String key() {
        return dataset + "/" + fraction;
    }
}
