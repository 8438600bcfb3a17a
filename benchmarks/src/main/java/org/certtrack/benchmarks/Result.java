package org.certtrack.benchmarks;

/**
 * One line of the results: certtrack's figure beside its baseline's, measured in the same run.
 *
 * @param name          what was measured
 * @param value         certtrack's median
 * @param unit          the unit of both values
 * @param baseline      what certtrack was compared with
 * @param baselineValue the baseline's median
 * @param ratio         certtrack over the baseline, oriented so that higher is better for certtrack
 *                      (throughput over throughput, or the baseline's time over certtrack's)
 */
record Result(String name, double value, String unit, String baseline, double baselineValue, double ratio) {

    /** A comparison of throughputs: higher is better. */
    static Result throughput(String name, String unit, double value, String baseline, double baselineValue) {
        return new Result(name, value, unit, baseline, baselineValue, value / baselineValue);
    }

    /** A comparison of times: lower is better, so the ratio is the baseline's time over certtrack's. */
    static Result time(String name, String unit, double value, String baseline, double baselineValue) {
        return new Result(name, value, unit, baseline, baselineValue, baselineValue / value);
    }
}
