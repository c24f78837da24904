package io.cobench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SchedulesTest {

    @Test
    void warmupCosineAtStartEndOfWarmupAndLastStep() {
        // 100 steps, 10 warmup, peak 0.4, floor 0.
        assertEquals(0.04, Schedules.warmupCosine(0, 100, 10, 0.4, 0.0), 1e-12);
        assertEquals(0.4, Schedules.warmupCosine(9, 100, 10, 0.4, 0.0), 1e-12);
        assertEquals(0.4, Schedules.warmupCosine(10, 100, 10, 0.4, 0.0), 1e-12);
        assertEquals(0.0, Schedules.warmupCosine(99, 100, 10, 0.4, 0.0), 1e-12);
        assertEquals(0.01, Schedules.warmupCosine(99, 100, 10, 0.4, 0.01), 1e-12);
    }

    @Test
    void cosineMidpointIsHalfThePeak() {
        // no warmup, 11 steps: step 5 is exactly half way from 0 to 10.
        assertEquals(0.5, Schedules.warmupCosine(5, 11, 0, 1.0, 0.0), 1e-12);
    }

    @Test
    void emaMomentumFollowsTheCosineRule() {
        assertEquals(0.996, Schedules.emaMomentum(0, 1000, 0.996), 1e-12);
        assertEquals(1 - 0.004 * (Math.cos(Math.PI * 0.25) + 1) / 2, Schedules.emaMomentum(250, 1000, 0.996), 1e-12);
        assertEquals(0.998, Schedules.emaMomentum(500, 1000, 0.996), 1e-12);
        assertEquals(1.0, Schedules.emaMomentum(1000, 1000, 0.996), 1e-12);
    }
}
