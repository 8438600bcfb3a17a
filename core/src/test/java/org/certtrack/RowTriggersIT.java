package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * V8's {@code WHEN} conditions on PostgreSQL: the rows certtrack writes already carry their version and
 * timestamps, so its inserts and its updates of versions never call V4's PL/pgSQL functions (which once cost
 * about a quarter of a bulk insert), while another writer's rows that need them still do. Shown by swapping
 * in functions that fail when called; the rules themselves are {@link SecondWriterIT}'s and
 * {@link TimestampsContract}'s.
 */
@RequiresPostgres
@SuppressWarnings("try") // each FailingFunctions is held, not used, for its block's duration
class RowTriggersIT extends DatabaseContract {

    private static final String VERSION_FUNCTION = "certtrack_advance_version";
    private static final String TIMESTAMPS_FUNCTION = "certtrack_instructor_timestamps";
    /** The SQLState of PL/pgSQL's RAISE EXCEPTION. */
    private static final String RAISED = "P0001";

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }

    @Test
    void certtracksOwnInsertsAndVersionUpdatesCallNoTriggerFunction() throws SQLException {
        try (FailingFunctions ignored = failing(VERSION_FUNCTION, TIMESTAMPS_FUNCTION)) {
            long[] ids = certTrack.inTransaction(work -> {
                Engineer ada = new Engineer("Ada", "backend", 36);
                Instructor grace = new Instructor("Grace");
                Certificate aws = grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
                grace.addCertificate(ada.addCertificate(new Certificate("GCP", 2028)));
                work.instructors().add(grace);
                work.engineers().add(ada);
                return new long[] {ada.getId(), aws.getId()};
            });
            certTrack.useTransaction(work -> {
                work.engineers().getById(ids[0]).setAge(37);
                work.certificates().getById(ids[1]).setTitle("AWS Pro");
            });

            assertThat(queryForLong("SELECT COUNT(*) FROM certificates WHERE version = 0")).as("certificates inserted at version 0")
                    .isEqualTo(1);
            assertThat(queryForLong("SELECT version FROM engineers WHERE id = " + ids[0])).as("the engineer's version, advanced"
                    + " by certtrack's own update").isEqualTo(1);
            assertThat(queryForLong("SELECT COUNT(*) FROM instructors WHERE updated_at = created_at AND version = 0"))
                    .as("the instructor, inserted with both timestamps").isEqualTo(1);
        }
    }

    @Test
    void anotherWritersRowsThatNeedTheRulesStillGetThem() throws SQLException {
        long engineerId = certTrack.inTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)).getId());
        long instructorId = certTrack.inTransaction(work -> work.instructors().add(new Instructor("Grace")).getId());
        try (FailingFunctions ignored = failing(VERSION_FUNCTION, TIMESTAMPS_FUNCTION)) {
            assertCalled(VERSION_FUNCTION, "INSERT INTO engineers (name, specialty, age, version) VALUES ('Linus', 'devops', 50, NULL)");
            assertCalled(VERSION_FUNCTION, "UPDATE engineers SET age = 40 WHERE id = " + engineerId);
            assertCalled(VERSION_FUNCTION, "UPDATE engineers SET age = 40, version = 0 WHERE id = " + engineerId);
            assertCalled(TIMESTAMPS_FUNCTION, "INSERT INTO instructors (name, updated_at) VALUES ('Linus', NULL)");
            assertCalled(TIMESTAMPS_FUNCTION, "INSERT INTO instructors (name, created_at, updated_at)"
                    + " VALUES ('Linus', TIMESTAMPTZ '2026-01-02 00:00Z', TIMESTAMPTZ '2026-01-01 00:00Z')");
        }
        try (FailingFunctions ignored = failing(VERSION_FUNCTION)) {
            assertCalled(VERSION_FUNCTION, "UPDATE instructors SET name = 'Grace Hopper' WHERE id = " + instructorId);
        }
        try (FailingFunctions ignored = failing(TIMESTAMPS_FUNCTION)) {
            assertCalled(TIMESTAMPS_FUNCTION, "UPDATE instructors SET name = 'Grace Hopper', version = version + 1"
                    + " WHERE id = " + instructorId);
        }
    }

    private void assertCalled(String function, String sql) {
        assertThatThrownBy(() -> executeSql(sql))
                .as("%s calls %s()", sql, function)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RAISED))
                .hasMessageContaining(function + " called");
    }

    /**
     * Replaces each function (keeping its identity, which the triggers name) with one that fails naming
     * itself, until closed, when the original definitions come back.
     */
    private FailingFunctions failing(String... functions) throws SQLException {
        List<String> originals = new ArrayList<>();
        try (Connection connection = certTrack.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String function : functions) {
                try (ResultSet definition = statement.executeQuery("SELECT pg_get_functiondef('" + function + "'::regproc)")) {
                    definition.next();
                    originals.add(definition.getString(1));
                }
                statement.execute("CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN RAISE EXCEPTION '" + function + " called on %', TG_TABLE_NAME; END $$");
            }
        }
        return () -> executeSql(originals.toArray(String[]::new));
    }

    private interface FailingFunctions extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
