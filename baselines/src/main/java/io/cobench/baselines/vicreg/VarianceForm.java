package io.cobench.baselines.vicreg;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How the two branches' variance hinges combine: the VICReg reference averages them
 * ({@code halved}), solo-learn adds them ({@code summed}), which doubles the term's weight.
 */
public enum VarianceForm {
    HALVED, SUMMED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static VarianceForm parse(String s) {
        for (VarianceForm f : values()) {
            if (f.key().equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("vicreg: varianceForm must be halved or summed, got '" + s + "'");
    }
}
