package io.cobench.reports.cli;

import io.cobench.cli.CobenchCommand;
import io.cobench.cli.UserError;
import io.cobench.reports.io.MaskPng;
import io.cobench.reports.metrics.Dice;
import io.cobench.reports.metrics.DiceBreakdown;
import io.cobench.reports.metrics.DiceSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cobench score dice}: Dice of predicted against true PNG masks, matched by file name. */
@Command(name = "dice", mixinStandardHelpOptions = true,
        description = {"Dice of predicted PNG masks against ground-truth PNG masks, matched by file name.",
                "Pixels above 0.5 of full scale are foreground. Per image: an empty truth scores 1 if the "
                        + "prediction is empty, else 0. Prints per-image Dice, their mean, and the pooled Dice "
                        + "over all pixels."})
public final class ScoreDiceCommand implements CobenchCommand {
    @Option(names = "--predictions", required = true, paramLabel = "DIR", description = "Predicted masks (*.png).")
    Path predictions;

    @Option(names = "--truth", required = true, paramLabel = "DIR", description = "True masks (*.png).")
    Path truth;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public String path() {
        return "score dice";
    }

    @Override
    public Integer call() {
        List<String> pred = pngs(predictions);
        List<String> truths = pngs(truth);
        List<String> noTruth = pred.stream().filter(n -> !truths.contains(n)).toList();
        List<String> noPred = truths.stream().filter(n -> !pred.contains(n)).toList();
        if (!noTruth.isEmpty() || !noPred.isEmpty()) {
            StringBuilder msg = new StringBuilder("mask files differ between ").append(predictions).append(" and ")
                    .append(truth).append(':');
            if (!noPred.isEmpty()) {
                msg.append(' ').append(noPred.size()).append(" missing from ").append(predictions).append(", first ")
                        .append(String.join(", ", noPred.subList(0, Math.min(5, noPred.size())))).append(';');
            }
            if (!noTruth.isEmpty()) {
                msg.append(' ').append(noTruth.size()).append(" missing from ").append(truth).append(", first ")
                        .append(String.join(", ", noTruth.subList(0, Math.min(5, noTruth.size())))).append(';');
            }
            msg.setLength(msg.length() - 1);
            throw new UserError(msg.toString());
        }
        Dice.Accumulator acc = new Dice.Accumulator();
        for (String name : pred) {
            MaskPng p = MaskPng.read(predictions.resolve(name));
            MaskPng t = MaskPng.read(truth.resolve(name));
            if (p.width() != t.width() || p.height() != t.height()) {
                throw new UserError(name + ": prediction is " + p.width() + "x" + p.height() + " but truth is "
                        + t.width() + "x" + t.height());
            }
            acc.add(Dice.binarize(p.values()), Dice.binarize(t.values()));
        }
        DiceSummary s = acc.summary();
        DiceBreakdown b = acc.breakdown();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> per = new ArrayList<>();
            for (int i = 0; i < pred.size(); i++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", pred.get(i));
                m.put("dice", s.perImage().get(i));
                per.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("predictions", predictions.toString());
            m.put("truth", truth.toString());
            m.put("images", pred.size());
            m.put("per_image", per);
            m.put("mean", s.mean());
            m.put("pooled", s.pooled());
            m.put("positives", b.positives());
            m.put("mean_positives", Double.isNaN(b.positivesMean()) ? null : b.positivesMean());
            m.put("empty_floor", b.emptyFloor());
            Output.json(out, m);
            return 0;
        }
        int w = Math.max(5, pred.stream().mapToInt(String::length).max().orElse(5));
        out.printf("%-" + w + "s  %7s%n", "image", "Dice");
        for (int i = 0; i < pred.size(); i++) {
            out.printf("%-" + w + "s  %7s%n", pred.get(i), Output.fmt(s.perImage().get(i)));
        }
        out.printf("%-" + w + "s  %7s  (%d images)%n", "mean", Output.fmt(s.mean()), pred.size());
        out.printf("%-" + w + "s  %7s%n", "pooled", Output.fmt(s.pooled()));
        // The mean counts an empty prediction on an empty truth as 1; these two lines say how much of it that is.
        out.printf("%-" + w + "s  %7s  (images with foreground: %d)%n", "positives",
                Double.isNaN(b.positivesMean()) ? "-" : Output.fmt(b.positivesMean()), b.positives());
        out.printf("%-" + w + "s  %7s  (mean Dice of an all-empty prediction)%n", "floor", Output.fmt(b.emptyFloor()));
        out.flush();
        return 0;
    }

    private static List<String> pngs(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserError("mask folder not found: " + dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.toLowerCase().endsWith(".png"))
                    .sorted().toList();
            if (names.isEmpty()) {
                throw new UserError("no PNG masks in " + dir);
            }
            return names;
        } catch (IOException e) {
            throw new UserError("could not list " + dir + ": " + e.getMessage(), e);
        }
    }
}
