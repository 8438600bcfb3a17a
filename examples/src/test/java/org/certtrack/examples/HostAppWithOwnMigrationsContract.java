package org.certtrack.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.certtrack.Migrations;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HostAppWithOwnMigrations} in both orders, each on a fresh database: {@code *Test} on H2,
 * {@code *IT} on PostgreSQL. Both version 1 scripts must really run (not be baselined away), each
 * recorded in its own history table, and running again changes nothing.
 */
abstract class HostAppWithOwnMigrationsContract {

    private TestDatabase database;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    abstract TestDatabase openDatabase();

    @BeforeEach
    void freshDatabase() {
        database = openDatabase();
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void hostFirstThenCerttrack() throws SQLException {
        assertThat(run()).as(output()).isZero();
        assertBothSchemasMigratedAndUsable(1);
        assertThat(output()).containsSubsequence("host app: schema at version 1, 1 migration(s) applied now",
                "certtrack: schema at version 8, 8 migration(s) applied now");
    }

    @Test
    void certtrackFirstThenHost() throws SQLException {
        assertThat(run("--certtrack-first")).as(output()).isZero();
        assertBothSchemasMigratedAndUsable(1);
        assertThat(output()).containsSubsequence("certtrack: schema at version 8, 8 migration(s) applied now",
                "host app: schema at version 1, 1 migration(s) applied now");
    }

    @Test
    void runningAgainInTheOtherOrderAppliesNothing() throws SQLException {
        run("--certtrack-first");
        out.reset();
        assertThat(run()).isZero();
        assertThat(output()).contains("host app: schema at version 1, 0 migration(s) applied now",
                "certtrack: schema at version 8, 0 migration(s) applied now");
        assertBothSchemasMigratedAndUsable(2);
    }

    @Test
    void anUnknownArgumentIsNamed() {
        assertThat(run("--host-last")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument \"--host-last\"");
    }

    private void assertBothSchemasMigratedAndUsable(int runs) throws SQLException {
        assertThat(appliedScripts("flyway_schema_history")).as("the host's history: V1 ran, not baselined")
                .containsExactly("1 SQL V1__create_host_notes.sql");
        assertThat(appliedScripts(Migrations.HISTORY_TABLE)).as("certtrack's history: its V1 to V8 ran")
                .containsExactly("1 SQL V1__create_certtrack_schema.sql", "2 SQL V2__add_version_columns.sql",
                        "3 SQL V3__index_names_for_paging.sql", "4 SQL V4__versions_and_timestamps_for_every_writer.sql",
                        "5 SQL V5__one_definition_of_blank.sql", "6 SQL V6__lengths_in_characters.sql",
                        "7 SQL V7__index_paged_reads.sql", "8 SQL V8__row_triggers_only_when_needed.sql");
        assertThat(count("host_notes")).as("notes the host wrote").isEqualTo(runs);
        assertThat(count("engineers")).as("engineers the host saved through certtrack").isEqualTo(runs);
    }

    private List<String> appliedScripts(String historyTable) throws SQLException {
        List<String> scripts = new ArrayList<>();
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"type\", \"script\" FROM \"" + historyTable
                     + "\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL AND \"type\" <> 'BASELINE' ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                scripts.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
            }
        }
        return scripts;
    }

    private long count(String table) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private int run(String... args) {
        return HostAppWithOwnMigrations.run(args, database.url(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
