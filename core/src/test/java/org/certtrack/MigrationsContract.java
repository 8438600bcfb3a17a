package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The migration API, and the names the schema gives its tables, constraints and indexes. */
abstract class MigrationsContract extends DatabaseContract {

    /** The version of the newest script in certtrack-migrations. */
    static final String LATEST_VERSION = "2";

    @Test
    void theSchemaIsAtTheLatestVersionAndValid() {
        Migrations migrations = certTrack.migrations();
        assertThat(migrations.currentVersion()).contains(LATEST_VERSION);
        migrations.validate();
        assertThat(migrations.migrate().applied()).as("nothing left to apply").isEmpty();
        assertThat(certTrack.startupMigration().applied()).extracting(Migrations.Applied::description)
                .containsExactly("create certtrack schema", "add version columns");
    }

    @Test
    void migrationsAreRecordedInCerttracksOwnHistoryTable() throws SQLException {
        assertThat(queryForLong("SELECT COUNT(*) FROM \"certtrack_schema_history\" WHERE \"success\" = TRUE AND \"version\" = '1'"))
                .isEqualTo(1);
    }

    @Test
    void foreignKeysAndIndexesHaveTheOriginalNames() throws SQLException {
        assertThat(countNamed("information_schema.table_constraints", "constraint_name",
                "fk_certificates_engineer_id_engineers", "fk_certificates_instructor_id_instructors"))
                .isEqualTo(2);
        String indexes = database.isPostgres()
                ? "(SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()) i"
                : "(SELECT index_name AS name FROM information_schema.indexes) i";
        assertThat(countNamed(indexes, "name", "ix_certificates_engineer_id", "ix_certificates_instructor_id"))
                .isEqualTo(2);
    }

    @Test
    void rebuildingNeedsAnExplicitOptIn() {
        assertThatThrownBy(() -> certTrack.migrations().rebuildTo("1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("allowingRebuild()");
    }

    @Test
    void rebuildingDropsCerttracksDataButNotTheHostApplications() throws SQLException {
        executeSql("CREATE TABLE host_notes (id INTEGER PRIMARY KEY, body VARCHAR(20))",
                "INSERT INTO host_notes VALUES (1, 'keep me')");
        certTrack.useTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)));
        try {
            Migrations.MigrationResult result = certTrack.migrations().allowingRebuild().rebuildTo(LATEST_VERSION);

            assertThat(result.toVersion()).isEqualTo(LATEST_VERSION);
            assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).isZero();
            assertThat(queryForLong("SELECT COUNT(*) FROM host_notes")).as("the host's table is untouched").isEqualTo(1);
            certTrack.migrations().validate();
        } finally {
            executeSql("DROP TABLE host_notes");
        }
    }

    private long countNamed(String from, String column, String... names) throws SQLException {
        StringBuilder in = new StringBuilder();
        for (String name : names) {
            in.append(in.isEmpty() ? "" : ", ").append('\'').append(name.toLowerCase(Locale.ROOT)).append('\'');
        }
        return queryForLong("SELECT COUNT(DISTINCT LOWER(" + column + ")) FROM " + from + " WHERE LOWER(" + column + ") IN (" + in + ")");
    }
}
