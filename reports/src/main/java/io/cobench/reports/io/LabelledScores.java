package io.cobench.reports.io;

import io.cobench.cli.UserError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Predictions and their labels matched sample by sample (by id value, not by line order).
 *
 * @param ids     sample ids in the predictions file's order
 * @param classes class names
 * @param scores  [sample][class] predicted scores
 * @param labels  [sample][class] true labels
 */
public record LabelledScores(List<String> ids, List<String> classes, double[][] scores, boolean[][] labels) {

    private static final int SHOWN = 5;

    /** Reads and matches predictions.csv and labels.csv. */
    public static LabelledScores read(java.nio.file.Path predictions, java.nio.file.Path labels) {
        return align(ScoreFile.read(predictions), ScoreFile.read(labels));
    }

    /**
     * Matches two score files. The headers must be identical and the two id sets equal; labels
     * must be 0 or 1. Any difference is a user error naming both files.
     */
    public static LabelledScores align(ScoreFile pred, ScoreFile lab) {
        checkHeaders(pred, lab);
        Map<String, Integer> labIndex = lab.index();
        List<String> missingInLabels = new ArrayList<>();
        for (String id : pred.ids()) {
            if (!labIndex.containsKey(id)) {
                missingInLabels.add(id);
            }
        }
        Set<String> predIds = new LinkedHashSet<>(pred.ids());
        List<String> missingInPred = new ArrayList<>();
        for (String id : lab.ids()) {
            if (!predIds.contains(id)) {
                missingInPred.add(id);
            }
        }
        if (!missingInLabels.isEmpty() || !missingInPred.isEmpty()) {
            StringBuilder msg = new StringBuilder("sample ids differ between ").append(pred.file())
                    .append(" and ").append(lab.file()).append(':');
            if (!missingInLabels.isEmpty()) {
                msg.append(' ').append(missingInLabels.size()).append(" id(s) missing from ")
                        .append(lab.file().getFileName()).append(", first ").append(first(missingInLabels)).append(';');
            }
            if (!missingInPred.isEmpty()) {
                msg.append(' ').append(missingInPred.size()).append(" id(s) missing from ")
                        .append(pred.file().getFileName()).append(", first ").append(first(missingInPred)).append(';');
            }
            msg.setLength(msg.length() - 1);
            throw new UserError(msg.toString());
        }
        int n = pred.ids().size();
        int c = pred.classes().size();
        boolean[][] y = new boolean[n][c];
        for (int i = 0; i < n; i++) {
            int j = labIndex.get(pred.ids().get(i));
            for (int k = 0; k < c; k++) {
                double v = lab.values()[j][k];
                if (v != 0.0 && v != 1.0) {
                    throw new UserError(lab.file() + ":" + lab.lines()[j] + ": column '" + lab.classes().get(k)
                            + "' holds " + v + ", a label must be 0 or 1");
                }
                y[i][k] = v == 1.0;
            }
        }
        return new LabelledScores(pred.ids(), pred.classes(), pred.values(), y);
    }

    private static void checkHeaders(ScoreFile pred, ScoreFile lab) {
        List<String> a = pred.header();
        List<String> b = lab.header();
        if (a.equals(b)) {
            return;
        }
        StringBuilder msg = new StringBuilder("headers differ between ").append(pred.file()).append(" and ")
                .append(lab.file()).append(": ");
        int common = Math.min(a.size(), b.size());
        int at = -1;
        for (int i = 0; i < common; i++) {
            if (!a.get(i).equals(b.get(i))) {
                at = i;
                break;
            }
        }
        if (at >= 0) {
            msg.append("column ").append(at + 1).append(" is '").append(a.get(at)).append("' in ")
                    .append(pred.file().getFileName()).append(" but '").append(b.get(at)).append("' in ")
                    .append(lab.file().getFileName());
        } else {
            msg.append(a.size()).append(" columns in ").append(pred.file().getFileName()).append(" but ")
                    .append(b.size()).append(" in ").append(lab.file().getFileName());
        }
        Set<String> onlyA = new LinkedHashSet<>(a);
        onlyA.removeAll(b);
        Set<String> onlyB = new LinkedHashSet<>(b);
        onlyB.removeAll(a);
        if (!onlyA.isEmpty()) {
            msg.append("; only in ").append(pred.file().getFileName()).append(": ").append(onlyA);
        }
        if (!onlyB.isEmpty()) {
            msg.append("; only in ").append(lab.file().getFileName()).append(": ").append(onlyB);
        }
        throw new UserError(msg.toString());
    }

    static String first(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(SHOWN, ids.size())))
                + (ids.size() > SHOWN ? ", ..." : "");
    }

    /** The same samples restricted to the named classes, in the order given. */
    public LabelledScores select(List<String> keep) {
        int[] idx = new int[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            idx[k] = classes.indexOf(keep.get(k));
            if (idx[k] < 0) {
                throw new IllegalArgumentException("no class " + keep.get(k) + " in " + classes);
            }
        }
        double[][] s = new double[ids.size()][keep.size()];
        boolean[][] y = new boolean[ids.size()][keep.size()];
        for (int i = 0; i < ids.size(); i++) {
            for (int k = 0; k < idx.length; k++) {
                s[i][k] = scores[i][idx[k]];
                y[i][k] = labels[i][idx[k]];
            }
        }
        return new LabelledScores(ids, keep, s, y);
    }
}
