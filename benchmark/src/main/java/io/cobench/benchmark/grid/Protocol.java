package io.cobench.benchmark.grid;

import io.cobench.cli.UserError;
import java.util.Arrays;

/** How an encoder is evaluated downstream. */
public enum Protocol {
    /** Frozen encoder (eval-mode BN); only the head (or segmentation decoder) is trained. */
    LINEAR("linear"),
    /** Encoder and head trained together. */
    FINETUNE("finetune");

    private final String key;

    Protocol(String key) {
        this.key = key;
    }

    /** The spelling used in configs, cell ids and metrics.json. */
    public String key() {
        return key;
    }

    public static Protocol parse(String s) {
        return Arrays.stream(values()).filter(p -> p.key.equals(s)).findFirst().orElseThrow(() ->
                new UserError("unknown protocol '" + s + "'; known: linear, finetune"));
    }
}
