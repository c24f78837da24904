package io.cobench.reports.tables;

import java.math.BigDecimal;
import java.util.List;

/**
 * One table cell: the seeds of one method in one column, and where each came from.
 *
 * @param row          table row label
 * @param column       table column
 * @param method       registry key shared by all seeds
 * @param seeds        evaluation seeds, ascending
 * @param values       headline value of each seed, in [0, 1], same order
 * @param mean         mean over seeds
 * @param sd           sample SD over seeds, NaN with one seed
 * @param cellDirs     store-relative eval directories, same order
 * @param pretrainRuns pretraining runs used (distinct), empty for Sup.
 * @param configHash   the one config hash of all seeds
 * @param testParity   whether any seed was selected on the test set
 */
public record CellStats(String row, Column column, String method, List<Integer> seeds, List<Double> values,
                        double mean, double sd, List<String> cellDirs, List<String> pretrainRuns,
                        String configHash, boolean testParity) {

    public int n() {
        return seeds.size();
    }

    public BigDecimal roundedMean() {
        return Percent.of(mean);
    }

    /** "71.3 ± 0.4"; the SD is left out with one seed, where it does not exist; † marks test-parity. */
    public String display() {
        String s = Percent.format(mean);
        if (!Double.isNaN(sd)) {
            s += " ± " + Percent.format(sd);
        }
        return testParity ? s + " †" : s;
    }
}
