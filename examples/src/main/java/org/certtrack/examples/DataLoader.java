package org.certtrack.examples;

import org.certtrack.CertTrack;

/**
 * Where {@link Main} gets its data: the one seam between the examples and a data generator. Both
 * methods replace certtrack's data (and only certtrack's: a host application's tables stay); one that
 * fails before it starts writing leaves the data as it was.
 */
interface DataLoader {

    /** The random seed {@link Main} uses when none is given with {@code --reseed}. */
    long DEFAULT_SEED = 1L;

    /** Replaces certtrack's data with the standard data set, which {@code seed} determines: same seed, same data. */
    void loadStandard(CertTrack certTrack, long seed);

    /**
     * Replaces certtrack's data with a data set of {@code engineers} engineers (with certificates and
     * instructors) made from {@code seed}, reporting to {@code progress} as it goes.
     */
    void loadSized(CertTrack certTrack, long seed, int engineers, Progress progress);

    /** Hears how far a {@link #loadSized} has got. */
    @FunctionalInterface
    interface Progress {

        /** {@code done} of {@code total} engineers are saved. */
        void loaded(int done, int total);
    }
}
