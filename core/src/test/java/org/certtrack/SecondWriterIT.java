package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * Another application writing certtrack's tables on PostgreSQL as the original Flask-SQLAlchemy app's ORM
 * does (SQLAlchemy 1.4, psycopg2, the original models, which know nothing of {@code version} and map
 * {@code updated_at} with only an {@code onupdate}), interleaved with certtrack's units of work. The SQL
 * is what SQLAlchemy sends: an explicit NULL {@code updated_at} on insert, {@code UPDATE ... SET col=?
 * WHERE id=?} without {@code version}, and, to delete a parent, its children's foreign key set to NULL
 * first. Its inserts work, its updates made while certtrack holds a row make certtrack's commit fail
 * instead of undoing them, and certtrack's rule that a certificate belongs to an engineer stands.
 */
@RequiresPostgres
class SecondWriterIT extends DatabaseContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }

    @Test
    void itsInsertsSucceedWithBothTimestampsSetAndCerttrackReadsThem() throws SQLException {
        long instructorId = secondWriter(sql -> sql.insert(
                "INSERT INTO instructors (name, updated_at) VALUES (?, ?) RETURNING instructors.id", "Grace", null));
        long engineerId = secondWriter(sql -> sql.insert(
                "INSERT INTO engineers (name, specialty, age) VALUES (?, ?, ?) RETURNING engineers.id", "Ada", "backend", 36));
        long certificateId = secondWriter(sql -> sql.insert("INSERT INTO certificates (title, expiration_year, engineer_id,"
                + " instructor_id) VALUES (?, ?, ?, ?) RETURNING certificates.id", "AWS", 2027, engineerId, instructorId));

        assertThat(queryForLong("SELECT COUNT(*) FROM instructors WHERE id = " + instructorId
                + " AND created_at IS NOT NULL AND updated_at = created_at AND version = 0")).as("both timestamps set").isEqualTo(1);
        certTrack.useTransaction(work -> {
            Certificate aws = work.certificates().getById(certificateId);
            assertThat(aws.getEngineer().getName()).isEqualTo("Ada");
            assertThat(aws.getInstructor().getCreatedAt()).isNotNull();
            assertThat(aws.getInstructor().getUpdatedAt()).isEqualTo(aws.getInstructor().getCreatedAt());
        });
        long certtrackId = certTrack.inTransaction(work -> work.engineers().add(new Engineer("Linus", "devops", 50)).getId());
        assertThat(certtrackId).as("ids from the shared sequence never collide").isNotEqualTo(engineerId);
    }

    @Test
    void everyUpdateItMakesWhileCerttrackHoldsARowFailsCerttracksCommitAndStands() throws SQLException {
        long[] ids = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 19);
            Instructor grace = new Instructor("Grace");
            Certificate aws = grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
            work.instructors().add(grace);
            work.engineers().add(ada);
            return new long[] {ada.getId(), grace.getId(), aws.getId()};
        });
        long engineerId = ids[0];
        long instructorId = ids[1];
        long certificateId = ids[2];

        // The issue's case: certtrack read engineer (version 0), the other app set age 19 -> 99, certtrack renamed.
        assertConflict("Engineer", engineerId, work -> work.engineers().getById(engineerId).setName("Ada King"),
                "UPDATE engineers SET age=? WHERE engineers.id = ?", 99, engineerId);
        assertConflict("Engineer", engineerId, work -> work.engineers().getById(engineerId).setAge(40),
                "UPDATE engineers SET specialty=? WHERE engineers.id = ?", "compilers", engineerId);
        // SQLAlchemy's onupdate sends the app's own (naive, UTC) clock for updated_at: the trigger keeps the server's.
        assertConflict("Instructor", instructorId, work -> work.instructors().getById(instructorId).setName("Rear Admiral Hopper"),
                "UPDATE instructors SET name=?, updated_at=? WHERE instructors.id = ?",
                "Grace Hopper", Timestamp.valueOf(LocalDateTime.of(2001, 1, 1, 0, 0)), instructorId);
        assertConflict("Certificate", certificateId, work -> work.certificates().getById(certificateId).setTitle("AWS Pro"),
                "UPDATE certificates SET title=? WHERE certificates.id = ?", "Azure", certificateId);
        assertConflict("Certificate", certificateId, work -> work.certificates().getById(certificateId).setExpirationYear(2030),
                "UPDATE certificates SET instructor_id=? WHERE certificates.id = ?", null, certificateId);
        // A delete by certtrack of a row the other app changed meanwhile is a conflict too.
        assertConflict("Engineer", engineerId, work -> work.engineers().delete(work.engineers().getById(engineerId)),
                "UPDATE engineers SET age=? WHERE engineers.id = ?", 42, engineerId);

        assertThat(queryForLong("SELECT age FROM engineers WHERE id = " + engineerId)).isEqualTo(42);
        assertThat(queryForLong("SELECT COUNT(*) FROM engineers WHERE id = " + engineerId
                + " AND name = 'Ada' AND specialty = 'compilers' AND version = 3")).as("each of its changes stands").isEqualTo(1);
        assertThat(queryForLong("SELECT COUNT(*) FROM instructors WHERE id = " + instructorId
                + " AND name = 'Grace Hopper' AND updated_at > created_at AND updated_at > TIMESTAMP '2001-01-02'"))
                .as("its rename, with the server's updated_at").isEqualTo(1);
        assertThat(queryForLong("SELECT COUNT(*) FROM certificates WHERE id = " + certificateId
                + " AND title = 'Azure' AND instructor_id IS NULL AND expiration_year = 2027")).isEqualTo(1);

        // After a fresh read, certtrack's change applies on top of the other app's, which stays.
        certTrack.useTransaction(work -> work.engineers().getById(engineerId).setName("Ada King"));
        assertThat(queryForLong("SELECT COUNT(*) FROM engineers WHERE id = " + engineerId
                + " AND name = 'Ada King' AND age = 42 AND specialty = 'compilers' AND version = 4")).isEqualTo(1);
    }

    @Test
    void itsOrmDeleteOfAnEngineerWithCertificatesFailsCleanlyAndTheTwoWaysThatWorkDo() throws SQLException {
        long[] ids = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            Certificate aws = ada.addCertificate(new Certificate("AWS", 2027));
            Certificate azure = ada.addCertificate(new Certificate("Azure", 2028));
            Engineer linus = new Engineer("Linus", "devops", 50);
            linus.addCertificate(new Certificate("Github", 2029));
            work.engineers().add(ada);
            work.engineers().add(linus);
            return new long[] {ada.getId(), aws.getId(), azure.getId(), linus.getId()};
        });
        List<String> before = tableContents();

        // SQLAlchemy's default for a parent with children: orphan them, then delete the parent, in one transaction.
        assertThatThrownBy(() -> secondWriter(sql -> {
            sql.update("UPDATE certificates SET engineer_id=? WHERE certificates.id = ?", null, ids[1]);
            sql.update("UPDATE certificates SET engineer_id=? WHERE certificates.id = ?", null, ids[2]);
            return sql.update("DELETE FROM engineers WHERE engineers.id = ?", ids[0]);
        })).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("not_null_violation").isEqualTo("23502"));
        assertThat(tableContents()).as("its failed transaction changed nothing").isEqualTo(before);

        // What it must do instead: delete the certificates first...
        secondWriter(sql -> {
            sql.update("DELETE FROM certificates WHERE certificates.id = ?", ids[1]);
            sql.update("DELETE FROM certificates WHERE certificates.id = ?", ids[2]);
            return sql.update("DELETE FROM engineers WHERE engineers.id = ?", ids[0]);
        });
        // ...or delete the engineer alone, and let the foreign key's ON DELETE CASCADE delete them.
        secondWriter(sql -> sql.update("DELETE FROM engineers WHERE engineers.id = ?", ids[3]));

        assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).isZero();
        assertThat(queryForLong("SELECT COUNT(*) FROM certificates")).as("no orphan left behind").isZero();
    }

    @Test
    void aCertificateItDeletesWhileCerttrackHoldsItIsNotBroughtBack() throws SQLException {
        long[] ids = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            Certificate aws = ada.addCertificate(new Certificate("AWS", 2027));
            work.engineers().add(ada);
            return new long[] {ada.getId(), aws.getId()};
        });

        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            Certificate aws = work.certificates().getById(ids[1]);
            sqlQuietly("DELETE FROM engineers WHERE engineers.id = ?", ids[0]);   // cascades to the certificate
            aws.setTitle("AWS Pro");
        })).isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("Certificate #" + ids[1]);

        assertThat(queryForLong("SELECT COUNT(*) FROM certificates")).as("the delete stands").isZero();
    }

    /**
     * certtrack reads a row and changes it; before it commits, the other app runs {@code sql} with
     * {@code parameters} and commits; certtrack's commit then fails naming the row.
     */
    private void assertConflict(String entity, long id, Consumer<UnitOfWork> change, String sql, Object... parameters) {
        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            change.accept(work);
            sqlQuietly(sql, parameters);
        })).as("certtrack's commit after the other app's %s", sql)
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining(entity + " #" + id);
    }

    private void sqlQuietly(String sql, Object... parameters) {
        try {
            secondWriter(writer -> writer.update(sql, parameters));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} in one transaction of the other app's own, committed unless it throws. */
    private long secondWriter(SqlWork work) throws SQLException {
        try (Connection connection = certTrack.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                long result = work.run(new Sql(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        long run(Sql sql) throws SQLException;
    }

    /** The statements of the other app, with parameters bound as psycopg2 binds them. */
    private record Sql(Connection connection) {

        long insert(String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }

        long update(String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = prepare(sql, parameters)) {
                return statement.executeUpdate();
            }
        }

        private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setObject(i + 1, null, sql.contains("updated_at") ? java.sql.Types.TIMESTAMP : java.sql.Types.BIGINT);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement;
        }
    }
}
