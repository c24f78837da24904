package io.cobench.benchmark.run;

import io.cobench.benchmark.grid.Cell;
import io.cobench.benchmark.grid.Controls;
import io.cobench.benchmark.grid.Downstream;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.io.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that decides a cell's number apart from its seed and label fraction, resolved
 * (preset defaults included) and hashed: the seeds of one table entry share the hash. A finished
 * cell whose stored hash differs from the current one was computed under another config and is
 * never mixed with new results.
 */
public final class CellConfig {
    private CellConfig() {
    }

    public static Map<String, Object> resolve(GridConfig g, Cell c, MethodCatalog methods) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("encoder", g.encoder());
        m.put("method", c.method());
        if (Controls.CEILING.equals(c.method())) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("dataset", Downstream.NIH.key());
            p.put("labels", "train split, all labels");
            p.put("training", g.eval().ceiling());
            m.put("pretrain", p);
        } else if (methods.pretrained(c.method())) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("dataset", c.dataset().domain().pretrainDataset());
            p.put("epochs", g.pretrain().epochs());
            p.put("batchSize", g.pretrain().batchSize());
            p.put("maxImages", g.pretrain().maxImages());
            p.putAll(methods.resolvedConfig(c.method()));
            m.put("pretrain", p);
        } else {
            m.put("pretrain", null);
        }
        m.put("protocol", c.protocol().key());
        m.put("training", g.eval().training(c.protocol(), c.dataset().task()));
        if (c.dataset().task() == Downstream.Task.SEGMENTATION) {
            m.put("threshold", g.eval().segmentation().threshold());
            m.put("decoderChannels", g.eval().segmentation().decoderChannels());
        }
        m.put("selection", g.selection());
        m.put("normalization", io.cobench.run.PretrainData.NORMALIZATION);
        m.put("valFraction", g.data().valFraction());
        // Roots are machine paths and differ between the machines of one sharded grid; the data
        // themselves are fingerprinted in each cell's provenance.
        GridConfig.PhantomSpec ph = g.data().phantom();
        m.put("data", g.data().roots().containsKey(c.dataset().key()) || ph == null ? "real"
                : Map.of("phantom", Map.of("size", ph.size(), "count", ph.count(), "seed", ph.seed())));
        return m;
    }

    /** {@code sha256:<hex>} of the canonical JSON of {@code resolved}. */
    public static String hash(Object resolved) {
        try {
            byte[] json = Json.JSON.writeValueAsBytes(Json.JSON.valueToTree(resolved));
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash config: " + e.getMessage(), e);
        }
    }
}
