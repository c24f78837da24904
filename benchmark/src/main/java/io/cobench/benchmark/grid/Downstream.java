package io.cobench.benchmark.grid;

import io.cobench.cli.UserError;
import java.util.Arrays;

/** The four downstream datasets of the paper's tables. */
public enum Downstream {
    NIH("nih", "NIH", Domain.CHEST, Task.CLASSIFICATION),
    SIIM("siim", "SIIM", Domain.CHEST, Task.SEGMENTATION),
    MURED("mured", "MuReD", Domain.FUNDUS, Task.CLASSIFICATION),
    ODIR("odir", "ODIR", Domain.FUNDUS, Task.CLASSIFICATION);

    /** What the head predicts. */
    public enum Task { CLASSIFICATION, SEGMENTATION }

    private final String key;
    private final String display;
    private final Domain domain;
    private final Task task;

    Downstream(String key, String display, Domain domain, Task task) {
        this.key = key;
        this.display = display;
        this.domain = domain;
        this.task = task;
    }

    /** Lower-case spelling in configs and cell ids. */
    public String key() {
        return key;
    }

    /** The spelling in metrics.json and the tables. */
    public String display() {
        return display;
    }

    /** Whose pretrained encoders this dataset evaluates. */
    public Domain domain() {
        return domain;
    }

    public Task task() {
        return task;
    }

    public static Downstream parse(String s) {
        return Arrays.stream(values()).filter(d -> d.key.equals(s)).findFirst().orElseThrow(() ->
                new UserError("unknown downstream dataset '" + s + "'; known: nih, siim, mured, odir"));
    }
}
