package io.cobench.benchmark.run;

import io.cobench.benchmark.data.DownstreamData;
import io.cobench.benchmark.grid.Downstream;

/** Opens the downstream datasets a grid evaluates on (real roots or phantom data). */
public interface DataProvider {

    /** The dataset, opened once and kept; errors name the missing root or file. */
    DownstreamData downstream(Downstream dataset);
}
