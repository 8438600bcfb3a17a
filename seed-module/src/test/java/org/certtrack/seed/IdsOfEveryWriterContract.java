package org.certtrack.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.certtrack.CertTrack;
import org.certtrack.Engineer;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which ids each writer of a shared database gets, as the README's "Sharing the database" section states
 * them: another writer's inserts without an id take the sequence's next value (steps of 50), certtrack uses
 * the 50 ids up to each value it takes (Hibernate's pooled optimizer; a fresh sequence's first value, 1, alone),
 * and the seeder puts its rows above every id handed out and restarts
 * the sequence 50 past them. {@link IdsOfEveryWriterTest} runs it on H2, {@link IdsOfEveryWriterIT} on
 * PostgreSQL; every test starts on a freshly migrated database, so the ids are the rule's, not an accident of
 * the test order.
 */
abstract class IdsOfEveryWriterContract {

    private TestDatabase database;
    private CertTrack certTrack;

    abstract TestDatabase openDatabase();

    @BeforeEach
    void migrateAFreshDatabase() {
        database = openDatabase();
        certTrack = database.certTrack().build();
    }

    @AfterEach
    void dropIt() {
        if (certTrack != null) {
            certTrack.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void onAFreshDatabaseAnotherWritersIdsAre1And51And101() throws SQLException {
        assertThat(List.of(insertEngineerAsAnotherWriter(), insertEngineerAsAnotherWriter(), insertEngineerAsAnotherWriter()))
                .as("ids of engineers inserted without an id on a fresh database").containsExactly(1L, 51L, 101L);
    }

    @Test
    void afterSeedingNRowsAnotherWritersIdsAreNPlus50AndNPlus100() throws SQLException {
        Seeder.of(certTrack).withSeed(7).seed(DataSet.sized(7, 3, 2));

        assertThat(ids("engineers")).as("seeded engineers' ids").containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(List.of(insertEngineerAsAnotherWriter(), insertEngineerAsAnotherWriter()))
                .as("another writer's engineers after 7 were seeded").containsExactly(57L, 107L);
        assertThat(List.of(insertCertificateAsAnotherWriter(1), insertCertificateAsAnotherWriter(1)))
                .as("another writer's certificates after 21 were seeded").containsExactly(71L, 121L);
        assertThat(List.of(insertInstructorAsAnotherWriter(), insertInstructorAsAnotherWriter()))
                .as("another writer's instructors after 2 were seeded").containsExactly(52L, 102L);
    }

    @Test
    void afterSeedingNRowsCerttrackGoesOnFromNPlus1AndAnotherWriterPastItsBlock() throws SQLException {
        Seeder.of(certTrack).withSeed(7).seed(DataSet.sized(7, 3, 2));

        assertThat(List.of(insertEngineerAsCerttrack(certTrack), insertEngineerAsCerttrack(certTrack)))
                .as("certtrack's engineers after 7 were seeded").containsExactly(8L, 9L);
        assertThat(insertEngineerAsAnotherWriter()).as("another writer's engineer after certtrack took 8 to 57")
                .isEqualTo(107L);
    }

    @Test
    void certtrackUsesTheFiftyIdsUpToEachValueItTakesAndAnotherWriterTheValueItself() throws SQLException {
        assertThat(insertEngineerAsCerttrack(certTrack)).as("certtrack's first engineer on a fresh database").isEqualTo(1L);
        assertThat(insertEngineerAsAnotherWriter()).as("another writer's, after certtrack took the first value, 1, alone")
                .isEqualTo(51L);
        assertThat(insertEngineerAsCerttrack(certTrack)).as("certtrack's second: it took 101, so 52 to 101").isEqualTo(52L);
        assertThat(insertEngineerAsCerttrack(certTrack)).as("certtrack's third, from the block it holds").isEqualTo(53L);
        try (CertTrack secondProcess = database.certTrack().build()) {
            assertThat(insertEngineerAsCerttrack(secondProcess)).as("a second CertTrack's first: it took 151, so 102 to 151")
                    .isEqualTo(102L);
        }
        assertThat(insertEngineerAsAnotherWriter()).as("another writer's, after the second CertTrack took 151")
                .isEqualTo(201L);
        assertThat(ids("engineers")).as("every engineer, whoever wrote it").containsExactly(1L, 51L, 52L, 53L, 102L, 201L);
    }

    private static long insertEngineerAsCerttrack(CertTrack certTrack) {
        return certTrack.inTransaction(work -> work.engineers().add(new Engineer("Written by certtrack", "backend", 40)).getId());
    }

    private long insertEngineerAsAnotherWriter() throws SQLException {
        return insertReturningId("INSERT INTO engineers (name, specialty, age) VALUES ('Written by SQL', 'devops', 30)");
    }

    private long insertCertificateAsAnotherWriter(long engineerId) throws SQLException {
        return insertReturningId("INSERT INTO certificates (title, expiration_year, engineer_id) VALUES ('AWS', 2030, "
                + engineerId + ")");
    }

    private long insertInstructorAsAnotherWriter() throws SQLException {
        return insertReturningId("INSERT INTO instructors (name) VALUES ('Written by SQL')");
    }

    private long insertReturningId(String sql) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertThat(keys.next()).as("%s returned the id it inserted", sql).isTrue();
                return keys.getLong(1);
            }
        }
    }

    private List<Long> ids(String table) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT id FROM " + table + " ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        }
    }
}
