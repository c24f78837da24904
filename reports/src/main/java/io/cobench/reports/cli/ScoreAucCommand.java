package io.cobench.reports.cli;

import io.cobench.cli.CobenchCommand;
import io.cobench.reports.io.LabelledScores;
import io.cobench.reports.metrics.Auc;
import io.cobench.reports.metrics.MultiLabelAuc;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cobench score auc}: multi-label AUC per class and its mean from two CSV files. */
@Command(name = "auc", mixinStandardHelpOptions = true,
        description = {"Multi-label AUC per class and mean from predictions and labels CSVs.",
                "Both files: sample id in the first column, then one column per class, same header; ids are "
                        + "matched by value. A class whose labels hold one value only has no AUC and is left "
                        + "out of the mean."})
public final class ScoreAucCommand implements CobenchCommand {
    @Option(names = "--predictions", required = true, paramLabel = "P.csv", description = "Scores per class.")
    Path predictions;

    @Option(names = "--labels", required = true, paramLabel = "L.csv", description = "0/1 labels per class.")
    Path labels;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public String path() {
        return "score auc";
    }

    @Override
    public Integer call() {
        LabelledScores data = LabelledScores.read(predictions, labels);
        MultiLabelAuc auc = Auc.multiLabel(data.classes(), data.scores(), data.labels());
        int n = data.ids().size();
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> perClass = new ArrayList<>();
        for (int k = 0; k < data.classes().size(); k++) {
            int pos = 0;
            for (boolean[] y : data.labels()) {
                pos += y[k] ? 1 : 0;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class", data.classes().get(k));
            m.put("auc", auc.perClass().get(k));
            m.put("positives", pos);
            m.put("negatives", n - pos);
            perClass.add(m);
        }
        Double mean = auc.mean().isPresent() ? auc.mean().getAsDouble() : null;
        String note = auc.undefined().isEmpty() ? null
                : "AUC undefined (labels hold one value only), left out of the mean: " + auc.undefined();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("predictions", predictions.toString());
            m.put("labels", labels.toString());
            m.put("samples", n);
            m.put("per_class", perClass);
            m.put("mean", mean);
            m.put("classes_in_mean", data.classes().size() - auc.undefined().size());
            m.put("undefined", auc.undefined());
            m.put("note", note);
            Output.json(out, m);
            return 0;
        }
        int w = Math.max(5, data.classes().stream().mapToInt(String::length).max().orElse(5));
        out.printf("%-" + w + "s  %9s  %9s  %9s%n", "class", "AUC", "positives", "negatives");
        for (Map<String, Object> m : perClass) {
            Double a = (Double) m.get("auc");
            out.printf("%-" + w + "s  %9s  %9d  %9d%n", m.get("class"), a == null ? "undefined" : Output.fmt(a),
                    (Integer) m.get("positives"), (Integer) m.get("negatives"));
        }
        out.printf("%-" + w + "s  %9s  (%d of %d classes, %d samples)%n", "mean",
                mean == null ? "undefined" : Output.fmt(mean), data.classes().size() - auc.undefined().size(),
                data.classes().size(), n);
        if (note != null) {
            out.println("note: " + note);
        }
        out.flush();
        return 0;
    }
}
