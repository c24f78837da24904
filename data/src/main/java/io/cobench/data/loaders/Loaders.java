package io.cobench.data.loaders;

import io.cobench.cli.UserError;
import io.cobench.data.DatasetLoader;
import io.cobench.data.Datasets;
import io.cobench.data.fundus.EyepacsLoader;
import io.cobench.data.fundus.MuredLoader;
import io.cobench.data.fundus.OdirLoader;
import io.cobench.data.nih.NihLabelOrder;
import io.cobench.data.nih.NihLoader;
import io.cobench.data.siim.SiimLoader;

/**
 * The loader of each dataset with its default settings. It lives apart from {@link Datasets} so that
 * the base package, which every loader uses, does not depend on the loaders in turn.
 */
public final class Loaders {
    private Loaders() {
    }

    /** The loader for {@code name} with defaults (NIH: 15 alphabetical classes; SIIM and ODIR split seed 42). */
    public static DatasetLoader forName(String name) {
        return switch (name) {
            case "nih" -> new NihLoader(NihLabelOrder.ALPHABETICAL_15);
            case "siim" -> new SiimLoader(Datasets.DEFAULT_SPLIT_SEED);
            case "eyepacs" -> new EyepacsLoader();
            case "mured" -> new MuredLoader();
            case "odir" -> new OdirLoader(Datasets.DEFAULT_SPLIT_SEED);
            default -> throw new UserError("unknown dataset '" + name + "'; expected one of " + Datasets.NAMES);
        };
    }
}
