package org.certtrack.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs two contenders alternately, after warm-up, several times, and reports their medians. Alternating
 * rounds (A, B, A, B, ...) lets drift on a shared machine hit both sides alike, which is what makes the
 * ratio trustworthy even when absolute figures wander.
 */
final class Harness {

    /** One timed run of a contender: does its own untimed preparation, returns the seconds it measured. */
    @FunctionalInterface
    interface Trial {
        double seconds() throws Exception;
    }

    /** The medians of both contenders, in seconds. */
    record Medians(double contender, double baseline) {
    }

    private final int warmups;
    private final int rounds;

    Harness(int warmups, int rounds) {
        if (warmups < 0 || rounds < 1) {
            throw new IllegalArgumentException("warmups must be >= 0 and rounds >= 1, but were " + warmups + " and " + rounds);
        }
        this.warmups = warmups;
        this.rounds = rounds;
    }

    Medians compare(Trial contender, Trial baseline) throws Exception {
        for (int i = 0; i < warmups; i++) {
            baseline.seconds();
            contender.seconds();
        }
        List<Double> contenderTimes = new ArrayList<>();
        List<Double> baselineTimes = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                baselineTimes.add(baseline.seconds());
                contenderTimes.add(contender.seconds());
            } else {
                contenderTimes.add(contender.seconds());
                baselineTimes.add(baseline.seconds());
            }
        }
        return new Medians(median(contenderTimes), median(baselineTimes));
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
