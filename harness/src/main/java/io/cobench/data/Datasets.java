package io.cobench.data;

import io.cobench.cli.UserError;
import io.cobench.data.fundus.EyepacsLoader;
import io.cobench.data.fundus.MuredLoader;
import io.cobench.data.fundus.OdirLoader;
import io.cobench.data.nih.NihLabelOrder;
import io.cobench.data.nih.NihLoader;
import io.cobench.data.siim.SiimLoader;
import java.util.List;

/** The five datasets by name, with their default loader settings. */
public final class Datasets {
    /** Registry names, in the order the paper uses them. */
    public static final List<String> NAMES = List.of("nih", "siim", "eyepacs", "mured", "odir");

    /** Seed of the default SIIM and ODIR splits; recorded so a run can state it. */
    public static final long DEFAULT_SPLIT_SEED = 42L;

    private Datasets() {
    }

    /** The loader for {@code name} with defaults (NIH: 15 alphabetical classes; seed 42). */
    public static DatasetLoader loader(String name) {
        return switch (name) {
            case "nih" -> new NihLoader(NihLabelOrder.ALPHABETICAL_15);
            case "siim" -> new SiimLoader(DEFAULT_SPLIT_SEED);
            case "eyepacs" -> new EyepacsLoader();
            case "mured" -> new MuredLoader();
            case "odir" -> new OdirLoader(DEFAULT_SPLIT_SEED);
            default -> throw new UserError("unknown dataset '" + name + "'; expected one of " + NAMES);
        };
    }
}
