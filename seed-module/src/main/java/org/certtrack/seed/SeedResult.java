package org.certtrack.seed;

import java.time.Duration;

/**
 * What a {@link Seeder} wrote. Seeding again with {@link #seed()} and the same data set writes the same rows.
 *
 * @param seed         the random seed used
 * @param dataSet      the data set written
 * @param engineers    engineer rows written
 * @param certificates certificate rows written
 * @param instructors  instructor rows written
 * @param elapsed      how long it took, from the first delete to the commit
 */
public record SeedResult(long seed, DataSet dataSet, long engineers, long certificates, long instructors,
                         Duration elapsed) {

    /** All rows written. */
    public long rows() {
        return engineers + certificates + instructors;
    }
}
