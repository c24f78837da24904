package io.cobench.data.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The NIH phantom's metadata: prevalence order, exclusivity of No Finding, patients. */
class NihPlanTest {
    @Test
    void prevalenceFollowsTheRealOrderWithNoFindingMostCommon() {
        List<NihPlan.Image> plan = NihPlan.plan(1, 40_000);
        Map<NihFinding, Integer> counts = new EnumMap<>(NihFinding.class);
        int none = 0;
        int max = 0;
        for (NihPlan.Image im : plan) {
            im.findings().forEach(f -> counts.merge(f, 1, Integer::sum));
            none += im.findings().isEmpty() ? 1 : 0;
            max = Math.max(max, im.findings().size());
        }
        NihFinding[] real = {NihFinding.INFILTRATION, NihFinding.EFFUSION, NihFinding.ATELECTASIS, NihFinding.NODULE,
            NihFinding.MASS, NihFinding.PNEUMOTHORAX, NihFinding.CONSOLIDATION, NihFinding.PLEURAL_THICKENING,
            NihFinding.CARDIOMEGALY, NihFinding.EMPHYSEMA, NihFinding.EDEMA, NihFinding.FIBROSIS, NihFinding.PNEUMONIA,
            NihFinding.HERNIA};
        assertTrue(none > counts.get(real[0]), "No Finding " + none + " must beat " + counts);
        for (int i = 1; i < real.length; i++) {
            assertTrue(counts.get(real[i - 1]) > counts.get(real[i]), real[i - 1] + " > " + real[i] + ": " + counts);
        }
        assertTrue(max <= 9, "at most 9 labels, as in the real file");
    }

    @Test
    void labelsFieldIsNoFindingAloneOrSortedTokens() {
        assertEquals("No Finding", NihPlan.labels(java.util.EnumSet.noneOf(NihFinding.class)));
        assertEquals("Cardiomegaly|Effusion|Pleural_Thickening",
                NihPlan.labels(java.util.EnumSet.of(NihFinding.PLEURAL_THICKENING, NihFinding.EFFUSION,
                        NihFinding.CARDIOMEGALY)));
    }

    @Test
    void patientsHaveFollowUpSeriesInOneSplitAndLastingFindingsRecur() {
        List<NihPlan.Image> plan = NihPlan.plan(2, 3000);
        Map<Integer, Boolean> split = new HashMap<>();
        Map<Integer, Integer> series = new HashMap<>();
        int recurring = 0;
        int chronicImages = 0;
        NihPlan.Image previous = null;
        for (NihPlan.Image im : plan) {
            Boolean before = split.put(im.patient(), im.test());
            assertTrue(before == null || before == im.test(), "patient " + im.patient() + " straddles the split");
            series.merge(im.patient(), 1, Integer::sum);
            assertEquals(String.format("%08d_%03d.png", im.patient(), im.suffix()), im.file());
            if (previous != null && previous.patient() == im.patient()
                    && previous.findings().contains(NihFinding.CARDIOMEGALY)) {
                chronicImages++;
                recurring += im.findings().contains(NihFinding.CARDIOMEGALY) ? 1 : 0;
            }
            previous = im;
        }
        assertTrue(series.values().stream().anyMatch(n -> n >= 5), "long follow-up series exist");
        assertTrue(series.values().stream().filter(n -> n == 1).count() > series.size() / 3, "many single images");
        // cardiomegaly is lasting: shown on 85% of a patient's images, against 5% prevalence overall
        assertTrue(recurring > 0.7 * chronicImages, recurring + " of " + chronicImages);
    }
}
