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

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database whose certtrack history was written by the hand-wired Spring recipe before the starter
 * ({@code spring.flyway.locations=classpath:org/certtrack/db/migration},
 * {@code spring.flyway.table=certtrack_schema_history}): Spring's Flyway ran only the scripts common to both
 * databases, so versions 4 and 6, which live in per-database folders, never ran. Start-up says so, and
 * {@link Migrations#applySkipped()} brings the database up to date, data kept.
 */
abstract class SpringRecipeUpgradeContract extends DatabaseContract {

    @Test
    void startUpNamesTheSkippedMigrationsAndApplySkippedBringsTheDatabaseUpToDate() throws SQLException {
        try (TestDatabase fresh = openDatabase(); HikariDataSource pool = fresh.newPool()) {
            // What Spring Boot's Flyway auto-configuration did with the recipe's two properties.
            Flyway.configure().dataSource(pool).locations(Migrations.LOCATION).table(Migrations.HISTORY_TABLE).load().migrate();
            assertThat(versions(pool)).as("the recipe's history").containsExactly("1", "2", "3", "5", "7");
            execute(pool, "INSERT INTO engineers (name, specialty, age, version) VALUES ('Ada', 'backend', 36, 0)");

            assertThatThrownBy(() -> fresh.certTrack().build().close())
                    .as("start-up on the recipe's history")
                    .isInstanceOf(CertTrackException.class)
                    .hasMessageContaining("skips migration(s) 4, 6")
                    .hasMessageContaining("Migrations.of(dataSource).applySkipped()")
                    .hasMessageNotContaining("no longer matches its script");

            Migrations.MigrationResult result = Migrations.of(pool).applySkipped();

            assertThat(result.applied()).extracting(Migrations.Applied::version).containsExactly("4", "6", "8");
            assertThat(Migrations.of(pool).applySkipped().applied()).as("a second run").isEmpty();
            try (CertTrack upgraded = fresh.certTrack().build()) {
                assertThat(upgraded.startupMigration().applied()).as("nothing left for start-up").isEmpty();
                upgraded.migrations().validate();
                upgraded.migrations().verifySchema();
                long id = upgraded.<Long>read(work -> work.engineers().findByNameContaining("Ada", PageRequest.first()).get(0).getId());
                execute(pool, "UPDATE engineers SET age = 37 WHERE id = " + id);
                long version = upgraded.read(work -> work.engineers().getById(id).getVersion());
                assertThat(version)
                        .as("V4's trigger now advances the version of another writer's update").isEqualTo(1);
            }
        }
    }

    private static List<String> versions(DataSource dataSource) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\" FROM \"" + Migrations.HISTORY_TABLE
                     + "\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
