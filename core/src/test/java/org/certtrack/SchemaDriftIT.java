package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** {@link SchemaDriftContract} on PostgreSQL, and what only PostgreSQL can do to a schema. */
@RequiresPostgres
class SchemaDriftIT extends SchemaDriftContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }

    @Test
    void aDisabledTriggerStopsStartUp() throws SQLException {
        assertStartUpFails("ALTER TABLE engineers DISABLE TRIGGER tg_engineers_version",
                "trigger tg_engineers_version on engineers is disabled");
    }

    @Test
    void aForeignKeyReAddedNotValidStopsStartUp() throws SQLException {
        assertStartUpFails(new String[] {
                        "ALTER TABLE certificates DROP CONSTRAINT fk_certificates_instructor_id_instructors",
                        "ALTER TABLE certificates ADD CONSTRAINT fk_certificates_instructor_id_instructors"
                                + " FOREIGN KEY (instructor_id) REFERENCES instructors (id) ON DELETE SET NULL NOT VALID"},
                "constraint fk_certificates_instructor_id_instructors is a foreign key on certificates to instructors,"
                        + " on delete set null (not valid");
    }

    @Test
    void aReplacedTriggerFunctionBodyStopsStartUp() throws SQLException {
        assertStartUpFails("CREATE OR REPLACE FUNCTION certtrack_advance_version() RETURNS trigger LANGUAGE plpgsql"
                        + " AS $$ BEGIN RETURN NEW; END $$",
                "function certtrack_advance_version was replaced");
    }

    @Test
    void aTriggerReCreatedOnAnotherFunctionStopsStartUp() throws SQLException {
        assertStartUpFails(new String[] {
                        "CREATE FUNCTION host_keep_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                        "DROP TRIGGER tg_engineers_version ON engineers",
                        "CREATE TRIGGER tg_engineers_version BEFORE INSERT OR UPDATE ON engineers"
                                + " FOR EACH ROW EXECUTE FUNCTION host_keep_row()"},
                "trigger tg_engineers_version on engineers calls host_keep_row, expected certtrack_advance_version");
    }

    @Test
    void anIndexMadePartialStopsStartUp() throws SQLException {
        assertStartUpFails(new String[] {
                        "DROP INDEX ix_engineers_name_id",
                        "CREATE INDEX ix_engineers_name_id ON engineers (name, id) WHERE age > 40"},
                "index ix_engineers_name_id is on engineers (name, id) where (age > 40), expected on engineers (name, id)");
    }

    @Test
    void anIndexLeftInvalidByAFailedConcurrentBuildStopsStartUp() throws SQLException {
        try (TestDatabase fresh = openDatabase()) {
            fresh.certTrack().build().close();
            try (HikariDataSource pool = fresh.newPool()) {
                execute(pool, "DROP INDEX ix_engineers_name_id",
                        "INSERT INTO engineers (name, specialty, age) VALUES ('Ada', 'backend', 36), ('Ada', 'frontend', 41)");
                assertThatThrownBy(() -> execute(pool, "CREATE UNIQUE INDEX CONCURRENTLY ix_engineers_name_id ON engineers (name)"))
                        .as("two engineers named Ada fail the unique build, which leaves its index behind")
                        .isInstanceOf(SQLException.class);
            }
            assertThatThrownBy(() -> fresh.certTrack().build())
                    .isInstanceOf(CertTrackException.class)
                    .hasMessageContaining("index ix_engineers_name_id is unique on engineers (name) (invalid: a CREATE INDEX"
                            + " CONCURRENTLY failed; drop it and create it again), expected on engineers (name, id)");
        }
    }

    @Test
    void aRoleThatMayOnlyReadSeesAnIntactSchemaIntact() throws SQLException {
        String reader = "certtrack_reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (TestDatabase fresh = openDatabase()) {
            fresh.certTrack().build().close();
            try (HikariDataSource pool = fresh.newPool()) {
                execute(pool, "CREATE ROLE " + reader + " LOGIN PASSWORD 'reader'",
                        "GRANT USAGE ON SCHEMA " + fresh.schema() + " TO " + reader,
                        "GRANT SELECT ON ALL TABLES IN SCHEMA " + fresh.schema() + " TO " + reader);
            }
            try (HikariDataSource asReader = new HikariDataSource()) {
                asReader.setJdbcUrl(fresh.jdbcUrlAs(reader, "reader"));
                asReader.setMaximumPoolSize(1);
                Migrations.of(asReader).verifySchema();
            } finally {
                try (HikariDataSource pool = fresh.newPool()) {
                    execute(pool, "DROP OWNED BY " + reader, "DROP ROLE " + reader);
                }
            }
            assertThat(reader).as("the reader role, dropped again").isNotBlank();
        }
    }

    @Test
    void aSchemaNameThatDoesNotExistIsSaidToNotExist() throws SQLException {
        try (TestDatabase fresh = openDatabase(); HikariDataSource wrongSchema = new HikariDataSource()) {
            fresh.certTrack().build().close();
            wrongSchema.setJdbcUrl(fresh.jdbcUrl().replaceFirst("currentSchema=[^&]*", "currentSchema=Probe2-Upper_x"));
            wrongSchema.setMaximumPoolSize(1);
            assertThatThrownBy(() -> Migrations.of(wrongSchema).verifySchema())
                    .isInstanceOf(CertTrackException.class)
                    .hasMessageContaining("certtrack's schema does not exist")
                    .hasMessageContaining("Probe2-Upper_x")
                    .hasMessageNotContaining("is missing");
        }
    }
}
