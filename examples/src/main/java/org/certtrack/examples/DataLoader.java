package org.certtrack.examples;

import org.certtrack.CertTrack;

/**
 * Where {@link Main} gets its data: the one seam between the examples and a data generator. Both
 * methods load into a database that has no certtrack data (Main empties it first when replacing data).
 */
interface DataLoader {

    /** The random seed {@link Main} uses when none is given with {@code --reseed}. */
    long DEFAULT_SEED = 1L;

    /** Loads the standard data set, which {@code seed} determines: the same seed gives the same data. */
    void loadStandard(CertTrack certTrack, long seed);

    /**
     * Loads a data set of {@code engineers} engineers (with certificates and instructors) made from
     * {@code seed}, reporting to {@code progress} as it goes.
     */
    void loadSized(CertTrack certTrack, long seed, int engineers, Progress progress);

    /** Hears how far a {@link #loadSized} has got. */
    @FunctionalInterface
    interface Progress {

        /** {@code done} of {@code total} engineers are saved. */
        void loaded(int done, int total);
    }
}
