package io.cobench.benchmark.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The metrics.json of one cell, field for field as docs/results-store.md specifies. Undefined
 * values are written as JSON null, never left out. The feature spread (linear probing only) comes
 * from the cell's feature_spectrum.csv; cells stored before it existed read it as null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"cell", "method", "row", "protocol", "dataset", "label_fraction", "seed", "metric", "value",
        "classes", "auc_per_class", "auc_mean", "auc_mean_14", "dice_mean", "dice_pooled", "selection",
        "config_hash", "pretrain_run", "n_test", "feature_rank", "feature_top_share"})
public record CellMetrics(
        @JsonProperty("cell") String cell,
        @JsonProperty("method") String method,
        @JsonProperty("row") String row,
        @JsonProperty("protocol") String protocol,
        @JsonProperty("dataset") String dataset,
        @JsonProperty("label_fraction") int labelFraction,
        @JsonProperty("seed") int seed,
        @JsonProperty("metric") String metric,
        @JsonProperty("value") Double value,
        @JsonProperty("classes") List<String> classes,
        @JsonProperty("auc_per_class") Map<String, Double> aucPerClass,
        @JsonProperty("auc_mean") Double aucMean,
        @JsonProperty("auc_mean_14") Double aucMean14,
        @JsonProperty("dice_mean") Double diceMean,
        @JsonProperty("dice_pooled") Double dicePooled,
        @JsonProperty("selection") String selection,
        @JsonProperty("config_hash") String configHash,
        @JsonProperty("pretrain_run") String pretrainRun,
        @JsonProperty("n_test") int nTest,
        @JsonProperty("feature_rank") Double featureRank,
        @JsonProperty("feature_top_share") Double featureTopShare) {
}
