package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.certtrack.CertTrack;
import org.certtrack.seed.DataSet;
import org.certtrack.seed.SeedResult;
import org.certtrack.seed.Seeder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** certtrack-core with H2 and without pgjdbc, as an application on the embedded database declares it. */
class H2OnlyTest {

    @TempDir
    Path directory;

    @Test
    void pgjdbcIsNotOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.postgresql.Driver"),
                "certtrack-core (or certtrack-seed) brought pgjdbc to an H2-only application");
    }

    @Test
    void writesAndReadsAnEngineerOnTheEmbeddedDatabase() {
        Path database = directory.resolve("certtrack");
        long id;
        try (CertTrack certTrack = CertTrack.builder().embedded(database).build()) {
            id = Engineers.add(certTrack, "Ada Lovelace");
        }
        try (CertTrack reopened = CertTrack.builder().embedded(database).build()) {
            assertEquals("Ada Lovelace", Engineers.name(reopened, id),
                    "the engineer written before reopening the embedded database");
        }
    }

    @Test
    void seedsTheEmbeddedDatabaseWithoutPgjdbc() {
        try (CertTrack certTrack = CertTrack.builder().embedded(directory.resolve("seeded")).build()) {
            SeedResult result = Seeder.of(certTrack).withSeed(1).seed(DataSet.standard());
            long engineers = certTrack.inTransaction(work -> work.engineers().count());
            assertEquals(result.engineers(), engineers, "engineers in the database after seeding the standard data set");
        }
    }
}
