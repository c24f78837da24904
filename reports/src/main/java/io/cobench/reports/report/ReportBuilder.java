package io.cobench.reports.report;

import io.cobench.io.AtomicFiles;
import io.cobench.provenance.BuildInfo;
import io.cobench.reports.figures.AucCurveFigure;
import io.cobench.reports.figures.CodebookFigure;
import io.cobench.reports.figures.Figure;
import io.cobench.reports.figures.GradCamPanel;
import io.cobench.reports.significance.SignificanceAnalysis;
import io.cobench.reports.significance.SignificanceSummary;
import io.cobench.reports.significance.SignificanceWriter;
import io.cobench.reports.store.CodebookPoint;
import io.cobench.reports.store.EvalCell;
import io.cobench.reports.store.PretrainRun;
import io.cobench.reports.store.StoreReader;
import io.cobench.reports.tables.Layout;
import io.cobench.reports.tables.PaperComparison;
import io.cobench.reports.tables.PaperValues;
import io.cobench.reports.tables.ResultTable;
import io.cobench.reports.tables.TableBuilder;
import io.cobench.reports.tables.TableRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a full report of one store. */
public final class ReportBuilder {

    /**
     * What was written.
     *
     * @param files  report-relative paths, in writing order
     * @param notes  everything left out or undefined
     * @param parity whether a test-parity warning was issued
     */
    public record Summary(List<String> files, List<String> notes, boolean parity) {
    }

    private final ReportOptions opt;
    private final List<String> files = new ArrayList<>();

    private ReportBuilder(ReportOptions opt) {
        this.opt = opt;
    }

    public static Summary write(ReportOptions opt) {
        return new ReportBuilder(opt).run();
    }

    private Summary run() {
        StoreReader store = StoreReader.open(opt.store());
        List<String> notes = new ArrayList<>();
        if (!store.unfinished().isEmpty()) {
            notes.add(store.unfinished().size() + " unfinished run director(ies) without DONE were left out, first: "
                    + String.join(", ", store.unfinished().subList(0, Math.min(5, store.unfinished().size()))));
        }
        List<EvalCell> cells = store.cells();
        List<String> order = store.rowOrder();
        List<ResultTable> tables = TableBuilder.build(cells, opt.classes(), notes, order);
        boolean parity = tables.stream().anyMatch(ResultTable::testParity);

        StringBuilder md = new StringBuilder("# cobench report\n\n");
        DataOrigin origin = DataOrigin.of(cells);
        md.append(origin.statement());
        md.append(whatWasRun(store, cells));
        if (parity) {
            md.append("> **").append(TableRenderer.PARITY_WARNING).append("**\n\n");
        }

        // The controls come first: they say whether the tables below can tell methods apart at all.
        ControlsSection.Section controls = ControlsSection.build(cells, opt.classes());
        if (controls != null) {
            put("controls/controls.csv", controls.csv());
            put("controls/finetune_curve.csv", controls.curveCsv());
            md.append(controls.markdown());
        }

        for (ResultTable t : tables) {
            String stem = t.spec().stem();
            String tableMd = TableRenderer.markdown(t);
            put("tables/" + stem + ".md", "> " + origin.headline() + "\n\n" + tableMd);
            put("tables/" + stem + ".csv", TableRenderer.displayCsv(t));
            String tex = TableRenderer.latex(t);
            int cut = tex.startsWith("% WARNING") ? tex.indexOf('\n') + 1 : 0; // the warning stays first
            put("tables/" + stem + ".tex", tex.substring(0, cut) + "% " + origin.headline() + "\n" + tex.substring(cut));
            put("tables/" + stem + "_cells.csv", TableRenderer.csv(TableRenderer.cellsTable(t)));
            put("tables/" + stem + "_runs.csv", TableRenderer.csv(TableRenderer.runsCsv(t)));
            md.append("## Table ").append(t.spec().number()).append("\n\n").append(tableMd).append('\n')
                    .append("Files: [Markdown](tables/").append(stem).append(".md), [CSV](tables/").append(stem)
                    .append(".csv), [LaTeX](tables/").append(stem).append(".tex), [cells with their run directories](tables/")
                    .append(stem).append("_cells.csv), [per-seed runs](tables/").append(stem).append("_runs.csv).\n\n");
        }

        StringBuilder siim = new StringBuilder();
        for (ResultTable t : tables) {
            SiimDiceSection.Section sec = SiimDiceSection.build(t, cells, notes);
            if (sec != null) {
                String f = "tables/" + t.spec().stem() + "_siim_dice.csv";
                put(f, sec.csv());
                siim.append(sec.markdown()).append("\nFile: [CSV](").append(f).append(").\n\n");
            }
        }
        if (siim.length() > 0) {
            md.append("## SIIM Dice beside the positives-only Dice\n\n").append(siim);
        }

        if (opt.paperCompare()) {
            PaperValues paper = PaperValues.load();
            String protocol = ProtocolDifferences.markdown(ProtocolDifferences.load());
            put("paper/protocol_against_paper.md", protocol);
            md.append(protocol);
            md.append("## Comparison with the paper\n\nPaper: Tables 1 and 2 of \"CoBooM: Codebook Guided Bootstrapping "
                    + "for Medical Image Representation Learning\", MICCAI 2024. Read it with the protocol differences "
                    + "above.\n\n");
            for (ResultTable t : tables) {
                String stem = t.spec().stem() + "_vs_paper";
                String cmp = PaperComparison.markdown(t, paper);
                put("paper/" + stem + ".md", cmp);
                put("paper/" + stem + ".csv", TableRenderer.csv(PaperComparison.table(t, paper)));
                md.append(cmp).append("\nFiles: [CSV](paper/").append(stem).append(".csv).\n\n");
            }
        }

        SignificanceAnalysis.Result sig = SignificanceAnalysis.run(tables, cells,
                new SignificanceAnalysis.Options(opt.classes(), opt.replicates(), opt.seed()));
        String sigMd = SignificanceWriter.markdown(sig, opt.replicates());
        put("significance/significance.md", sigMd);
        put("significance/significance.csv", TableRenderer.csv(SignificanceWriter.comparisons(sig.comparisons())));
        put("significance/auc_ci.csv", TableRenderer.csv(SignificanceWriter.intervals(sig.intervals())));
        md.append("## Significance: CoBooM against the best baseline\n\n")
                .append(SignificanceSummary.markdown(tables, sig))
                .append("Every baseline and test, with t statistics, raw p and the AUC intervals: ")
                .append("[significance.md](significance/significance.md), [tests CSV](significance/significance.csv), ")
                .append("[AUC intervals CSV](significance/auc_ci.csv).\n\n");

        Map<String, String> rowOf = new LinkedHashMap<>();
        cells.forEach(c -> rowOf.putIfAbsent(c.metrics().method(), c.metrics().row()));
        PointingSection.Section pointing = PointingSection.build(store.gradcamDir().resolve("pointing.csv"), rowOf,
                order);
        if (pointing != null) {
            put("gradcam/pointing.csv", pointing.csv());
            md.append(pointing.markdown());
        }

        md.append("## Figures\n\n")
                .append("Each figure is a PNG here, with an SVG and a PDF of it beside it (same name) for a paper.\n\n");
        for (ResultTable t : tables) {
            String f = "figures/auc_vs_fraction_" + t.spec().stem() + ".png";
            if (AucCurveFigure.write(t, order, opt.out().resolve(f))) {
                figure(f);
                md.append("![NIH AUC vs label fraction, Table ").append(t.spec().number()).append("](").append(f)
                        .append(")\n\n").append(vectorLinks(f)).append("\n\n");
            } else {
                md.append("No NIH cells for Table ").append(t.spec().number()).append(": AUC curve not drawn.\n\n");
            }
        }
        GradCamPanel.Outcome cam = GradCamPanel.write(store.gradcamDir(), rowOf, order,
                opt.out().resolve("figures/gradcam_panel.png"));
        md.append("### Grad-CAM diagnostic maps\n\n");
        if (cam.written()) {
            figure("figures/gradcam_panel.png");
            md.append("Rows: methods; columns: findings (image ").append(cam.images()).append(").\n\n")
                    .append("![Grad-CAM panel](figures/gradcam_panel.png)\n\n")
                    .append(vectorLinks("figures/gradcam_panel.png")).append("\n\n");
        } else {
            md.append("Skipped: ").append(String.join("; ", cam.notes())).append(".\n\n");
        }
        notes.addAll(cam.written() ? cam.notes() : List.of());
        List<CodebookFigure.Run> codebook = new ArrayList<>();
        for (PretrainRun r : store.pretrainRuns()) {
            List<CodebookPoint> pts = r.codebook();
            if (!pts.isEmpty()) {
                codebook.add(new CodebookFigure.Run(rowOfRun(r.id(), rowOf), runLabel(r.id(), rowOf), pts));
            }
        }
        md.append("### Codebook usage during pretraining\n\n");
        if (CodebookFigure.write(codebook, order, opt.out().resolve("figures/codebook.png"))) {
            figure("figures/codebook.png");
            md.append("Runs: ").append(String.join(", ", codebook.stream().map(CodebookFigure.Run::label).toList()))
                    .append(".\n\n![Codebook usage and perplexity](figures/codebook.png)\n\n")
                    .append(vectorLinks("figures/codebook.png")).append("\n\n");
        } else {
            md.append("Skipped: no finished pretraining run logged code_usage and perplexity.\n\n");
        }
        trainingCurves(store, rowOf, md);

        if (!notes.isEmpty()) {
            md.append("## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        put("report.md", md.toString());
        return new Summary(List.copyOf(files), List.copyOf(notes), parity);
    }

    /** The opening paragraph: what ran, on which rows, columns and seeds, and what "Sup." means. */
    private String whatWasRun(StoreReader store, List<EvalCell> cells) {
        java.util.Set<String> rows = new java.util.LinkedHashSet<>();
        java.util.Set<Integer> seeds = new java.util.TreeSet<>();
        java.util.Set<String> protocols = new java.util.TreeSet<>();
        for (EvalCell c : cells) {
            rows.add(c.metrics().row());
            seeds.add(c.metrics().seed());
            protocols.add(c.metrics().protocol());
        }
        StringBuilder md = new StringBuilder("**What was run.** ");
        if (!store.grid().isEmpty()) {
            md.append("Grid `").append(store.grid()).append("`, store created ").append(store.created()).append(". ");
        }
        md.append(cells.size()).append(" finished evaluation cell(s): ").append(rows.size()).append(" method(s) (")
                .append(String.join(", ", Layout.rowOrder(rows, store.rowOrder()))).append("), protocol(s) ").append(String.join(", ", protocols))
                .append(" (Table 1 is linear probing, Table 2 fine-tuning), seed(s) ")
                .append(seeds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")))
                .append(". Values are percent: mean AUC (NIH over ")
                .append(opt.classes() == 15 ? "15 classes, 14 findings + \"No Finding\", as the paper" : "the 14 findings")
                .append("; MuReD, ODIR over their classes) or mean per-image Dice (SIIM), as mean ± SD over seeds. ")
                .append("Store `").append(store.root().toAbsolutePath().normalize()).append("`; written by cobench ")
                .append(BuildInfo.version()).append(".\n\n");
        if (rows.contains("Sup.")) {
            md.append("**Sup.**, as the paper defines it, is the encoder at random initialisation, with no "
                    + "pretraining, trained only by the downstream protocol (under linear probing only the head "
                    + "learns, on frozen random features).\n\n");
        }
        return md.toString();
    }

    /**
     * Per pretraining run: its loss terms and learning rate against step as a figure, and its
     * metrics.jsonl as CSV for a run tracker or a notebook (format in docs/results-store.md).
     */
    private void trainingCurves(StoreReader store, Map<String, String> rowOf, StringBuilder md) {
        md.append("### Training curves of the pretraining runs\n\n");
        StringBuilder list = new StringBuilder();
        for (PretrainRun r : store.pretrainRuns()) {
            List<Map<String, Double>> lines = r.metrics();
            if (lines.isEmpty()) {
                continue;
            }
            String csv = "training/" + r.id() + ".csv";
            put(csv, io.cobench.reports.figures.TrainingCurves.csv(lines));
            String fig = "figures/training_" + r.id() + ".png";
            io.cobench.reports.figures.TrainingCurves.write(runLabel(r.id(), rowOf), lines, opt.out().resolve(fig));
            figure(fig);
            list.append("**").append(runLabel(r.id(), rowOf)).append("** (`pretrain/").append(r.id()).append("`, ")
                    .append(lines.size()).append(" logged steps): [CSV](").append(csv).append(")\n\n![Training curves of ")
                    .append(r.id()).append("](").append(fig).append(")\n\n").append(vectorLinks(fig)).append("\n\n");
        }
        if (list.length() == 0) {
            md.append("Skipped: no finished pretraining run in the store (Sup. is not pretrained).\n\n");
        } else {
            md.append("Loss and its terms (left) and the learning rate of each parameter group (right) against step, "
                    + "from each run's metrics.jsonl; training/<run>.csv holds every logged number.\n\n").append(list);
        }
    }

    /** The table row of a pretraining run id (method__domain__sSEED), or the method key. */
    private static String rowOfRun(String runId, Map<String, String> rowOf) {
        String method = runId.split("__")[0];
        return rowOf.getOrDefault(method, method);
    }

    /** "Ours w/Dec., chest, seed 0" for coboom__chest__s0; the id itself when it has another form. */
    static String runLabel(String runId, Map<String, String> rowOf) {
        String[] p = runId.split("__");
        if (p.length != 3 || !p[2].matches("s\\d+")) {
            return runId;
        }
        return rowOf.getOrDefault(p[0], p[0]) + ", " + p[1] + ", seed " + p[2].substring(1);
    }

    private void figure(String png) {
        files.add(png);
        for (String ext : Figure.VECTOR_FORMATS) {
            files.add(Figure.sibling(Path.of(png), ext).toString());
        }
    }

    private static String vectorLinks(String png) {
        StringBuilder sb = new StringBuilder("Vector:");
        for (String ext : Figure.VECTOR_FORMATS) {
            sb.append(" [").append(ext.toUpperCase(java.util.Locale.ROOT)).append("](")
                    .append(Figure.sibling(Path.of(png), ext)).append(')');
        }
        return sb.append('.').toString();
    }

    private void put(String rel, String content) {
        AtomicFiles.writeString(opt.out().resolve(rel), content);
        files.add(rel);
    }
}
