package org.certtrack.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.certtrack.CertTrack;

/**
 * Target 2, the ORM write path: new engineers with 2 certificates each, added through the repositories in
 * one unit of work, against plain JDBC batches of 50 with {@code reWriteBatchedInserts=true}.
 */
final class OrmWriteBenchmark {

    // The same rows as CertTrackSide.write.
    private static final String[] TITLES = CertTrackSide.TITLES;
    private static final String[] SPECIALTIES = CertTrackSide.SPECIALTIES;


    private final int engineers;

    OrmWriteBenchmark(int engineers) {
        this.engineers = engineers;
    }

    Result run(Harness harness) throws Exception {
        try (BenchmarkDatabase database = BenchmarkDatabase.create();
             CertTrack certTrack = database.certTrack().build()) {
            Harness.Medians medians = harness.compare(
                    () -> {
                        database.truncate();
                        long started = System.nanoTime();
                        CertTrackSide.write(certTrack, engineers);
                        return Harness.secondsSince(started);
                    },
                    () -> {
                        database.truncate();
                        try (Connection connection = database.connect("reWriteBatchedInserts=true")) {
                            long started = System.nanoTime();
                            insertWithJdbcBatches(connection);
                            return Harness.secondsSince(started);
                        }
                    });
            double rows = engineers * 3.0;
            return Result.throughput("ORM write path: " + engineers + " engineers x 2 certificates, one unit of work, flush+clear per 1,000",
                    "rows/s", rows / medians.contender(), "JDBC batches of 50, reWriteBatchedInserts", rows / medians.baseline());
        }
    }

    private void insertWithJdbcBatches(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement engineerIds = connection.prepareStatement("SELECT nextval('engineers_id_seq')");
             PreparedStatement certificateIds = connection.prepareStatement("SELECT nextval('certificates_id_seq')");
             PreparedStatement insertEngineer = connection.prepareStatement(
                     "INSERT INTO engineers (id, name, specialty, age) VALUES (?, ?, ?, ?)");
             PreparedStatement insertCertificate = connection.prepareStatement(
                     "INSERT INTO certificates (id, title, expiration_year, engineer_id) VALUES (?, ?, ?, ?)")) {
            IdBlock engineerBlock = new IdBlock(engineerIds);
            IdBlock certificateBlock = new IdBlock(certificateIds);
            for (int i = 0; i < engineers; i++) {
                long engineerId = engineerBlock.next();
                insertEngineer.setLong(1, engineerId);
                insertEngineer.setString(2, "Engineer " + i);
                insertEngineer.setString(3, SPECIALTIES[i % SPECIALTIES.length]);
                insertEngineer.setInt(4, 19 + i % 52);
                insertEngineer.addBatch();
                addCertificate(insertCertificate, certificateBlock.next(), TITLES[i % 3], 2022 + i % 9, engineerId);
                addCertificate(insertCertificate, certificateBlock.next(), TITLES[(i + 1) % 3], 2022 + (i + 4) % 9, engineerId);
                if ((i + 1) % 50 == 0) {
                    insertEngineer.executeBatch();
                    insertCertificate.executeBatch();
                }
            }
            insertEngineer.executeBatch();
            insertCertificate.executeBatch();
            connection.commit();
        }
    }

    private static void addCertificate(PreparedStatement insert, long id, String title, int year, long engineerId)
            throws SQLException {
        insert.setLong(1, id);
        insert.setString(2, title);
        insert.setInt(3, year);
        insert.setLong(4, engineerId);
        insert.addBatch();
    }

    /** Hands out ids 50 at a time from a sequence that steps by 50, as Hibernate's pooled optimizer does. */
    private static final class IdBlock {
        private final PreparedStatement nextval;
        private long next;
        private long last = -1;

        IdBlock(PreparedStatement nextval) {
            this.nextval = nextval;
        }

        long next() throws SQLException {
            if (next > last) {
                try (ResultSet rows = nextval.executeQuery()) {
                    rows.next();
                    last = rows.getLong(1);
                    next = last - 49;
                }
            }
            return next++;
        }
    }
}
