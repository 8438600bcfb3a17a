package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/**
 * A schema changed behind certtrack's back (a renamed column, a dropped CHECK constraint, index or trigger,
 * a changed type) stops start-up with a {@link CertTrackException} naming each difference, instead of
 * starting and failing later, or never. Each test drifts a fresh, migrated database.
 */
abstract class SchemaDriftContract extends DatabaseContract {

    @Test
    void anIntactSchemaPassesTheCheckAndSaysWhatItCost() {
        certTrack.migrations().verifySchema();
        long start = System.nanoTime();
        int rounds = 20;
        for (int i = 0; i < rounds; i++) {
            certTrack.migrations().verifySchema();
        }
        System.out.printf("schema check on %s: %.1f ms each (mean of %d, warm)%n",
                database.isPostgres() ? "PostgreSQL" : "H2", (System.nanoTime() - start) / 1e6 / rounds, rounds);
    }

    @Test
    void aDroppedCheckConstraintStopsStartUp() throws SQLException {
        assertStartUpFails("ALTER TABLE engineers DROP CONSTRAINT ck_engineers_age_plausible",
                "constraint ck_engineers_age_plausible is missing");
    }

    @Test
    void aRenamedColumnStopsStartUp() throws SQLException {
        assertStartUpFails(database.isPostgres()
                        ? "ALTER TABLE engineers RENAME COLUMN specialty TO speciality"
                        : "ALTER TABLE engineers ALTER COLUMN specialty RENAME TO speciality",
                "column engineers.specialty is missing (renamed or dropped?)",
                "index ix_engineers_specialty_name_id is on engineers (speciality, name, id), expected on engineers (specialty, name, id)");
    }

    @Test
    void aDroppedIndexStopsStartUp() throws SQLException {
        assertStartUpFails("DROP INDEX ix_engineers_name_id", "index ix_engineers_name_id is missing");
    }

    @Test
    void aChangedTypeStopsStartUp() throws SQLException {
        assertStartUpFails("ALTER TABLE engineers ALTER COLUMN age SET DATA TYPE BIGINT",
                "column engineers.age is bigint not null, expected integer not null");
    }

    @Test
    void aLoosenedColumnOrCascadeStopsStartUp() throws SQLException {
        assertStartUpFails(new String[] {
                        "ALTER TABLE certificates ALTER COLUMN engineer_id DROP NOT NULL",
                        "ALTER TABLE certificates DROP CONSTRAINT fk_certificates_engineer_id_engineers",
                        "ALTER TABLE certificates ADD CONSTRAINT fk_certificates_engineer_id_engineers"
                                + " FOREIGN KEY (engineer_id) REFERENCES engineers (id)"},
                "column certificates.engineer_id is bigint null, expected bigint not null",
                "constraint fk_certificates_engineer_id_engineers is a foreign key on certificates to engineers, on delete ",
                ", expected a foreign key on certificates to engineers, on delete cascade");
    }

    @Test
    void aForeignKeyPointingElsewhereStopsStartUp() throws SQLException {
        assertStartUpFails(new String[] {
                        "ALTER TABLE certificates DROP CONSTRAINT fk_certificates_engineer_id_engineers",
                        "ALTER TABLE certificates ADD CONSTRAINT fk_certificates_engineer_id_engineers"
                                + " FOREIGN KEY (engineer_id) REFERENCES instructors (id) ON DELETE CASCADE"},
                "constraint fk_certificates_engineer_id_engineers is a foreign key on certificates to instructors, on delete cascade");
    }

    @Test
    void aDroppedIdOrVersionDefaultStopsStartUp() throws SQLException {
        assertStartUpFails(new String[] {
                        "ALTER TABLE engineers ALTER COLUMN id DROP DEFAULT",
                        "ALTER TABLE instructors ALTER COLUMN version DROP DEFAULT"},
                "column engineers.id has no default, expected the next value of engineers_id_seq",
                "column instructors.version has no default, expected 0");
    }

    @Test
    void aChangedSequenceIncrementStopsStartUp() throws SQLException {
        assertStartUpFails("ALTER SEQUENCE engineers_id_seq INCREMENT BY 1",
                "sequence engineers_id_seq increments by 1, expected 50");
    }

    @Test
    void anIndexMadeUniqueStopsStartUp() throws SQLException {
        assertStartUpFails(new String[] {
                        "DROP INDEX ix_engineers_name_id",
                        "CREATE UNIQUE INDEX ix_engineers_name_id ON engineers (name, id)"},
                "index ix_engineers_name_id is unique on engineers (name, id), expected on engineers (name, id)");
    }

    @Test
    void anotherApplicationsTablesWhoseNamesDifferOnlyInCaseAreNotCerttracks() throws SQLException {
        try (TestDatabase fresh = openDatabase()) {
            fresh.certTrack().build().close();
            try (HikariDataSource pool = fresh.newPool()) {
                execute(pool, "CREATE TABLE \"Engineers\" (id VARCHAR(20), note VARCHAR(20))",
                        "CREATE TABLE \"certificates_\" (id VARCHAR(20))",
                        database.isPostgres() ? "CREATE TABLE \"CERTIFICATES\" (id VARCHAR(20))" : "CREATE TABLE \"Certificates\" (id VARCHAR(20))");
            }
            fresh.certTrack().build().close();
        }
    }

    @Test
    void aDroppedTriggerStopsStartUp() throws SQLException {
        assertStartUpFails(database.isPostgres()
                        ? "DROP TRIGGER tg_engineers_version ON engineers"
                        : "DROP TRIGGER tg_engineers_version",
                "trigger tg_engineers_version on engineers is missing");
    }

    @Test
    void whatAnotherApplicationAddsIsNotADifference() throws SQLException {
        try (TestDatabase fresh = openDatabase()) {
            fresh.certTrack().build().close();
            try (HikariDataSource pool = fresh.newPool()) {
                execute(pool, "ALTER TABLE engineers ADD COLUMN nickname VARCHAR(20)",
                        "CREATE INDEX ix_host_engineers_age ON engineers (age)",
                        "ALTER TABLE engineers ADD CONSTRAINT ck_host_engineers_age CHECK (age < 99)");
            }
            fresh.certTrack().build().close();
        }
    }

    void assertStartUpFails(String drift, String... differences) throws SQLException {
        assertStartUpFails(new String[] {drift}, differences);
    }

    void assertStartUpFails(String[] drift, String... differences) throws SQLException {
        try (TestDatabase fresh = openDatabase()) {
            fresh.certTrack().build().close();
            try (HikariDataSource pool = fresh.newPool()) {
                execute(pool, drift);
            }
            assertThatThrownBy(() -> fresh.certTrack().build())
                    .isInstanceOf(CertTrackException.class)
                    .hasMessageContaining("certtrack's schema no longer matches what its migrations made")
                    .hasMessageContaining(differences[0])
                    .satisfies(e -> {
                        for (String difference : differences) {
                            assertThat(e.getMessage()).contains(difference);
                        }
                    });
            try (HikariDataSource pool = fresh.newPool()) {
                assertThatThrownBy(() -> Migrations.of(pool).verifySchema())
                        .as("the explicit check finds it too").isInstanceOf(CertTrackException.class)
                        .hasMessageContaining(differences[0]);
            }
        }
    }

    static void execute(HikariDataSource pool, String... sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
