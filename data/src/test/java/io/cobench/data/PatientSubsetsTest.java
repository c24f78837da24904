package io.cobench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatientSubsetsTest {

    private static Sample s(String id, String patient) {
        return new Sample(id, Path.of(id), patient, new float[0]);
    }

    /** Patients A (3 images), B (1), C (1), D (2): half of 7 is 4, reachable in every order. */
    private static final List<Sample> POOL = List.of(s("a1", "A"), s("a2", "A"), s("a3", "A"), s("b1", "B"),
            s("c1", "C"), s("d1", "D"), s("d2", "D"));

    @Test
    void targetSizeIsMetWithWholePatientsForEverySeed() {
        for (long seed = 0; seed < 30; seed++) {
            List<Sample> half = PatientSubsets.nested(POOL, List.of(0.5), seed).get(0.5);
            assertEquals(4, half.size(), "seed " + seed);
            assertWholePatients(POOL, half);
        }
    }

    @Test
    void subsetsAreNestedAndKeepPoolOrder() {
        Map<Double, List<Sample>> m = PatientSubsets.nested(POOL, List.of(1.0, 0.3, 0.6), 3);
        assertEquals(List.of(0.3, 0.6, 1.0), new ArrayList<>(m.keySet()));
        assertEquals(2, m.get(0.3).size()); // round(2.1)
        assertEquals(4, m.get(0.6).size()); // round(4.2)
        assertEquals(POOL, m.get(1.0));
        assertTrue(m.get(0.6).containsAll(m.get(0.3)));
        List<Sample> inPoolOrder = new ArrayList<>(POOL);
        inPoolOrder.retainAll(m.get(0.6));
        assertEquals(inPoolOrder, m.get(0.6));
    }

    @Test
    void equalSeedsGiveEqualSubsetsAndOtherSeedsDiffer() {
        Set<List<String>> distinct = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            List<Sample> a = PatientSubsets.nested(POOL, List.of(0.3), seed).get(0.3);
            assertEquals(a, PatientSubsets.nested(POOL, List.of(0.3), seed).get(0.3));
            distinct.add(a.stream().map(Sample::id).toList());
        }
        assertTrue(distinct.size() > 1, "ten seeds gave one subset: " + distinct);
    }

    @Test
    void carveHoldsOutWholePatients() {
        PatientSubsets.Carve c = PatientSubsets.carve(POOL, 0.3, 11);
        assertEquals(2, c.heldOut().size());
        assertEquals(5, c.rest().size());
        Set<String> held = DatasetIndex.patients(c.heldOut());
        for (Sample s : c.rest()) {
            assertTrue(!held.contains(s.patient()), s.patient() + " on both sides");
        }
        assertNotEquals(0, held.size());
    }

    @Test
    void fractionsOutsideTheRangeAreRefused() {
        assertThrows(UserError.class, () -> PatientSubsets.nested(POOL, List.of(0.0), 1));
        assertThrows(UserError.class, () -> PatientSubsets.nested(POOL, List.of(1.5), 1));
        assertThrows(UserError.class, () -> PatientSubsets.carve(POOL, 1.0, 1));
    }

    /** Every patient of {@code subset} has all of its pool images in it. */
    static void assertWholePatients(List<Sample> pool, List<Sample> subset) {
        Set<String> patients = DatasetIndex.patients(subset);
        long expected = pool.stream().filter(x -> patients.contains(x.patient())).count();
        assertEquals(expected, subset.size(), "a patient is split between subset and rest");
    }
}
