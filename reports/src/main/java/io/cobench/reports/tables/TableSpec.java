package io.cobench.reports.tables;

/**
 * Which of the paper's tables, and the protocol whose cells fill it.
 *
 * @param number   1 or 2
 * @param protocol linear or finetune
 * @param title    caption
 */
public record TableSpec(int number, String protocol, String title) {

    /** File-name stem, e.g. "table1". */
    public String stem() {
        return "table" + number;
    }
}
