package org.certtrack.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The arithmetic every reported ratio rests on. */
class HarnessTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Harness.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(Harness.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void runsBothContendersAlternatelyAfterWarmUp() throws Exception {
        List<String> calls = new ArrayList<>();
        Harness.Medians medians = new Harness(1, 4).compare(
                () -> {
                    calls.add("certtrack");
                    return 2.0;
                },
                () -> {
                    calls.add("baseline");
                    return 1.0;
                });
        assertThat(calls).containsExactly("baseline", "certtrack",
                "baseline", "certtrack", "certtrack", "baseline", "baseline", "certtrack", "certtrack", "baseline");
        assertThat(medians).isEqualTo(new Harness.Medians(2.0, 1.0));
    }

    @Test
    void ratiosAreOrientedSoThatHigherIsBetterForCerttrack() {
        assertThat(Result.throughput("w", "rows/s", 80, "jdbc", 100).ratio()).isCloseTo(0.8, within(1e-9));
        assertThat(Result.time("r", "ms", 400, "jdbc", 300).ratio()).isCloseTo(0.75, within(1e-9));
    }
}
