package org.certtrack.seed.junit;

import java.util.List;
import java.util.function.Consumer;

import org.certtrack.CertTrack;
import org.certtrack.UnitOfWork;
import org.certtrack.seed.DataSet;
import org.certtrack.seed.SeedResult;
import org.certtrack.seed.Seeder;

/**
 * What a test class's database holds before each of its tests: the data set (or nothing) generated from
 * {@code seed}, then the fixtures, each in a committed unit of work.
 *
 * @param dataSet  the data set, or null for empty tables
 * @param seed     the data set's random seed
 * @param fixtures run after the data set, in order
 */
record Preload(DataSet dataSet, long seed, List<Consumer<UnitOfWork>> fixtures) {

    /** Replaces all data in {@code certTrack}'s database; returns what the data set loaded, or null when none. */
    SeedResult load(CertTrack certTrack) {
        Seeder seeder = Seeder.of(certTrack).withSeed(seed);
        SeedResult loaded = null;
        if (dataSet != null) {
            loaded = seeder.seed(dataSet);
        } else {
            seeder.deleteAll();
        }
        fixtures.forEach(certTrack::useTransaction);
        return loaded;
    }
}
