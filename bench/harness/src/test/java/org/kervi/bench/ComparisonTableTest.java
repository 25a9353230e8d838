package org.kervi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ComparisonTableTest {
    private static final String HEAD = "| figure | MQTT | raw | ratio | target | met |\n|---|---|---|---|---|---|\n";

    @Test
    void aLatencyWithinOneAndAHalfTimesItsBaselineMeetsTheTarget() {
        String table = new ComparisonTable("MQTT", "raw").withinFactor("p50 (µs)", 150.0, 100.0, 1.5).toString();
        assertEquals(HEAD + "| p50 (µs) | 150.0 | 100.0 | 1.50× | ≤ 1.5× baseline | yes |\n", table);
    }

    @Test
    void aLatencyJustOverTheFactorMissesIt() {
        String table = new ComparisonTable("MQTT", "raw").withinFactor("p99 (µs)", 1501.0, 1000.0, 1.5).toString();
        assertEquals(HEAD + "| p99 (µs) | 1,501 | 1,000 | 1.50× | ≤ 1.5× baseline | NO |\n", table);
    }

    @Test
    void aThroughputMustReachTheFloorAndTheBaselineDividedByTheFactor() {
        ComparisonTable t = new ComparisonTable("MQTT", "raw")
                .atLeast("a", 60_000.0, 80_000.0, 50_000, 1.5)
                .atLeast("b", 60_000.0, 100_000.0, 50_000, 1.5)
                .atLeast("c", 40_000.0, 50_000.0, 50_000, 1.5);
        assertEquals(HEAD
                + "| a | 60,000 | 80,000 | 0.75× | ≥ 50,000 and ≥ baseline / 1.5 | yes |\n"
                + "| b | 60,000 | 100,000 | 0.60× | ≥ 50,000 and ≥ baseline / 1.5 | NO |\n"
                + "| c | 40,000 | 50,000 | 0.80× | ≥ 50,000 and ≥ baseline / 1.5 | NO |\n", t.toString());
    }

    @Test
    void aMissingFigureShowsNotAvailableAndMeetsNothing() {
        String table = new ComparisonTable("MQTT", "raw").withinFactor("rt", null, 80.0, 1.5)
                .info("max", 12.25, 0.0).toString();
        assertEquals(HEAD + "| rt | n/a | 80.0 |  | ≤ 1.5× baseline |  |\n| max | 12.3 | 0.0 |  | — |  |\n", table);
    }
}
