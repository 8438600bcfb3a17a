package org.certtrack.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.certtrack.CertTrack;
import org.certtrack.seed.junit.CertTrackExtension;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same seed gives the same rows, byte for byte, on PostgreSQL and on H2: every column of every table,
 * ids included, except the instructors' timestamps (set by each database's clock). See {@link Dump}.
 */
class SameSeedOnBothDatabasesIT {

    private static final long SEED = 1_234_567_890_123L;

    @RegisterExtension
    static CertTrackExtension postgres = CertTrackExtension.postgres();

    private static CertTrack h2;

    @BeforeAll
    static void openH2() {
        h2 = CertTrack.builder().url("jdbc:h2:mem:same-seed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();
    }

    @AfterAll
    static void closeH2() {
        if (h2 != null) {
            h2.close();
        }
    }

    @Test
    void theStandardDataSet(CertTrack postgresCertTrack, TestDatabase database) {
        assertThat(database.isPostgres()).isTrue();
        assertSameRows(postgresCertTrack, DataSet.standard());
    }

    @Test
    void aSizedDataSet(CertTrack postgresCertTrack) {
        assertSameRows(postgresCertTrack, DataSet.sized(3_000, 2, 25));
    }

    private static void assertSameRows(CertTrack postgresCertTrack, DataSet dataSet) {
        Seeder.of(postgresCertTrack).withSeed(SEED).seed(dataSet);
        Seeder.of(h2).withSeed(SEED).seed(dataSet);

        byte[] onPostgres = Dump.of(postgresCertTrack.dataSource()).getBytes(StandardCharsets.UTF_8);
        byte[] onH2 = Dump.of(h2.dataSource()).getBytes(StandardCharsets.UTF_8);
        assertThat(onPostgres.length).as("the dump of the %s", dataSet).isGreaterThan(1000);
        assertThat(onH2).as("the %s with seed %d, H2 against PostgreSQL", dataSet, SEED).isEqualTo(onPostgres);
    }
}
