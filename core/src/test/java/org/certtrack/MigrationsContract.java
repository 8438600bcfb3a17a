package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** The migration API, and the names the schema gives its tables, constraints and indexes. */
abstract class MigrationsContract extends DatabaseContract {

    /** The version of the newest script in certtrack-migrations. */
    static final String LATEST_VERSION = "8";

    @Test
    void theSchemaIsAtTheLatestVersionAndValid() {
        Migrations migrations = certTrack.migrations();
        assertThat(migrations.currentVersion()).contains(LATEST_VERSION);
        migrations.validate();
        assertThat(migrations.migrate().applied()).as("nothing left to apply").isEmpty();
        assertThat(certTrack.startupMigration().applied()).extracting(Migrations.Applied::description)
                .containsExactly("create certtrack schema", "add version columns", "index names for paging",
                        "versions and timestamps for every writer", "one definition of blank", "lengths in characters",
                        "index paged reads", "row triggers only when needed");
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
    void migratingAnUpToDateSchemaAppliesNothingAndReportsItsVersion() {
        Migrations.MigrationResult again = certTrack.migrations().migrate();

        assertThat(again.applied()).as("scripts applied to an up-to-date schema").isEmpty();
        assertThat(again.fromVersion()).isEqualTo(LATEST_VERSION);
        assertThat(again.toVersion()).as("the version reported when nothing was pending").isEqualTo(LATEST_VERSION);
    }

    @Test
    void rebuildingNeedsAnExplicitOptIn() {
        assertThatThrownBy(() -> certTrack.migrations().rebuildTo("1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dangerouslyAllowingRebuild()");
    }

    @Test
    void rebuildingDropsCerttracksDataButNotTheHostApplications() throws SQLException {
        executeSql("CREATE TABLE host_notes (id INTEGER PRIMARY KEY, body VARCHAR(20))",
                "INSERT INTO host_notes VALUES (1, 'keep me')");
        certTrack.useTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)));
        try {
            Migrations.MigrationResult result = certTrack.migrations().dangerouslyAllowingRebuild().rebuildTo(LATEST_VERSION);

            assertThat(result.toVersion()).isEqualTo(LATEST_VERSION);
            assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).isZero();
            assertThat(queryForLong("SELECT COUNT(*) FROM host_notes")).as("the host's table is untouched").isEqualTo(1);
            certTrack.migrations().validate();
        } finally {
            executeSql("DROP TABLE host_notes");
        }
    }

    @Test
    void anAlteredAppliedScriptStopsStartupNamingItAndNothingIsMigrated() throws SQLException {
        try (TestDatabase fresh = openDatabase(); HikariDataSource pool = fresh.newPool()) {
            Migrations.of(pool).dangerouslyAllowingRebuild().rebuildTo("1");
            execute(pool, "UPDATE \"certtrack_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");

            assertThatThrownBy(() -> fresh.certTrack().build())
                    .isInstanceOf(CertTrackException.class)
                    .hasMessageContaining("V1__create_certtrack_schema.sql")
                    .hasMessageContaining("nothing was migrated");

            assertThat(query(pool, "SELECT COUNT(*) FROM \"certtrack_schema_history\" WHERE \"version\" = '2'"))
                    .as("version 2 not applied").isZero();
            assertThat(query(pool, "SELECT COUNT(*) FROM information_schema.columns"
                    + " WHERE LOWER(table_name) = 'engineers' AND LOWER(column_name) = 'version'"
                    + (fresh.isPostgres() ? " AND table_schema = current_schema()" : "")))
                    .as("engineers.version not added").isZero();
        }
    }

    @Test
    void upgradingAPopulatedSchemaFromTheVersionBeforeKeepsEveryRowValid() throws SQLException {
        try (TestDatabase fresh = openDatabase(); HikariDataSource pool = fresh.newPool()) {
            Migrations.of(pool).dangerouslyAllowingRebuild().rebuildTo("1");
            // Rows as the original app (or psql) writes them against version 1, which has no version column.
            execute(pool, "INSERT INTO instructors (name) VALUES ('Grace')",
                    "INSERT INTO engineers (name, specialty, age) VALUES ('Ada', 'backend', 36)",
                    "INSERT INTO engineers (name, specialty, age) VALUES ('Linus', 'devops', 50)",
                    "INSERT INTO certificates (title, expiration_year, engineer_id, instructor_id)"
                            + " SELECT 'AWS', 2027, e.id, i.id FROM engineers e, instructors i WHERE e.name = 'Ada'",
                    "INSERT INTO certificates (title, expiration_year, engineer_id)"
                            + " SELECT 'Azure', 2030, id FROM engineers WHERE name = 'Linus'");
            List<String> before = rows(pool, V1_COLUMNS);

            try (CertTrack upgraded = fresh.certTrack().build()) {
                assertThat(upgraded.startupMigration().applied()).extracting(Migrations.Applied::version).containsExactly("2", "3", "4", "5", "6", "7", "8");
                assertThat(rows(pool, V1_COLUMNS)).as("every row and value of version 1, after the upgrade").isEqualTo(before);
                assertThat(query(pool, "SELECT COUNT(*) FROM engineers WHERE version = 0")
                        + query(pool, "SELECT COUNT(*) FROM certificates WHERE version = 0")
                        + query(pool, "SELECT COUNT(*) FROM instructors WHERE version = 0"))
                        .as("every existing row starts at version 0").isEqualTo(5);

                long adaId = upgraded.inTransaction(work -> {
                    Engineer ada = work.engineers().findByNameContaining("Ada", PageRequest.first()).get(0);
                    assertThat(ada.getCertificates()).extracting(Certificate::getTitle).containsExactly("AWS");
                    assertThat(ada.getInstructors()).extracting(Instructor::getName).containsExactly("Grace");
                    ada.setAge(37);
                    return ada.getId();
                });
                long version = upgraded.inTransaction(work -> work.engineers().getById(adaId).getVersion());
                assertThat(version).as("old rows take part in optimistic locking").isEqualTo(1);
                upgraded.migrations().validate();
            }
        }
    }

    private static final List<String> V1_COLUMNS = List.of(
            "SELECT id, name, specialty, age FROM engineers ORDER BY id",
            "SELECT id, title, expiration_year, engineer_id, instructor_id FROM certificates ORDER BY id",
            "SELECT id, name, created_at, updated_at FROM instructors ORDER BY id");

    private static void execute(DataSource dataSource, String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static long query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> rows(DataSource dataSource, List<String> queries) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : queries) {
                try (ResultSet result = statement.executeQuery(sql)) {
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                            row.append(result.getString(column)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        assertThat(rows).as("rows of version 1").hasSize(5);
        return rows;
    }

    private long countNamed(String from, String column, String... names) throws SQLException {
        StringBuilder in = new StringBuilder();
        for (String name : names) {
            in.append(in.isEmpty() ? "" : ", ").append('\'').append(name.toLowerCase(Locale.ROOT)).append('\'');
        }
        return queryForLong("SELECT COUNT(DISTINCT LOWER(" + column + ")) FROM " + from + " WHERE LOWER(" + column + ") IN (" + in + ")");
    }
}
