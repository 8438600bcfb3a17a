package org.certtrack.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.certtrack.seed.junit.StatementCounter;
import org.certtrack.CertTrack;
import org.certtrack.Instructor;
import org.certtrack.InstructorWithEngineers;
import org.certtrack.InstructorWithEngineers.EngineerSummary;
import org.certtrack.PageRequest;

/**
 * Target 3: every instructor with their distinct engineers (1,000 instructors, about 100,000 pairs)
 * through certtrack, against one hand-written JDBC join building the same lists. The entity path (fetch
 * joins, page by page) is measured too, for comparison.
 */
final class InstructorsWithEngineersBenchmark {

    static final String JOIN = """
            SELECT i.id, i.name, i.created_at, i.updated_at, e.id, e.name, e.specialty, e.age
            FROM instructors i
            LEFT JOIN (SELECT DISTINCT instructor_id, engineer_id FROM certificates
                       WHERE instructor_id IS NOT NULL) pairs ON pairs.instructor_id = i.id
            LEFT JOIN engineers e ON e.id = pairs.engineer_id
            ORDER BY i.name, i.id, e.name, e.id""";

    private final int instructors;
    private final int engineers;

    InstructorsWithEngineersBenchmark(int instructors, int engineers) {
        this.instructors = instructors;
        this.engineers = engineers;
    }

    List<Result> run(Harness harness) throws Exception {
        StatementCounter statements = new StatementCounter();
        try (BenchmarkDatabase database = BenchmarkDatabase.create()) {
            try (Connection connection = database.connect("")) {
                new CopyLoader(engineers, 5, instructors).load(connection);
            }
            database.analyze();
            try (CertTrack certTrack = database.certTrack()
                    .property("hibernate.session_factory.statement_inspector", statements).build();
                 Connection jdbc = database.connect("")) {
                int pairs = readWithJdbc(jdbc).stream().mapToInt(i -> i.engineers().size()).sum();
                statements.reset();
                int streamedPairs = readWithCertTrack(certTrack).stream().mapToInt(i -> i.engineers().size()).sum();
                int streamStatements = statements.reset();
                check(streamedPairs == pairs, "certtrack read " + streamedPairs + " pairs, JDBC " + pairs);
                check(streamStatements <= 2, "certtrack issued " + streamStatements + " statements");
                int entityPairs = readEntities(certTrack);
                int entityStatements = statements.reset();
                check(entityPairs == pairs, "the entity path read " + entityPairs + " pairs, JDBC " + pairs);

                Harness.Medians streamed = harness.compare(
                        () -> timed(() -> readWithCertTrack(certTrack)), () -> timed(() -> readWithJdbc(jdbc)));
                Harness.Medians entities = harness.compare(
                        () -> timed(() -> readEntities(certTrack)), () -> timed(() -> readWithJdbc(jdbc)));
                String what = instructors + " instructors with their engineers (" + pairs + " pairs)";
                return List.of(
                        Result.time(what + ": forEachRowWithEngineers, " + streamStatements + " statement(s)", "ms",
                                streamed.contender() * 1000, "one JDBC join", streamed.baseline() * 1000),
                        Result.time(what + ": entities, findAllWithEngineers in pages of 500, " + entityStatements
                                        + " statements", "ms",
                                entities.contender() * 1000, "one JDBC join", entities.baseline() * 1000));
            }
        }
    }

    private static List<InstructorWithEngineers> readWithCertTrack(CertTrack certTrack) {
        List<InstructorWithEngineers> all = new ArrayList<>();
        certTrack.read(work -> {
            work.instructors().forEachRowWithEngineers(all::add);
            return null;
        });
        return all;
    }

    private static int readEntities(CertTrack certTrack) {
        return certTrack.read(work -> {
            int pairs = 0;
            PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
            for (List<Instructor> instructors = work.instructors().findAllWithEngineers(page);
                 !instructors.isEmpty();
                 instructors = work.instructors().findAllWithEngineers(page = page.next())) {
                for (Instructor instructor : instructors) {
                    pairs += instructor.getEngineers().size();
                }
                work.entityManager().clear();
            }
            return pairs;
        });
    }

    /** The floor: one hand-written join, grouped into the same lists. */
    static List<InstructorWithEngineers> readWithJdbc(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        List<InstructorWithEngineers> all = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(JOIN)) {
            statement.setFetchSize(1_000);
            try (ResultSet rows = statement.executeQuery()) {
                long current = -1;
                String name = null;
                OffsetDateTime created = null;
                OffsetDateTime updated = null;
                List<EngineerSummary> engineers = new ArrayList<>();
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (id != current) {
                        if (current != -1) {
                            all.add(new InstructorWithEngineers(current, name, created.toInstant(), updated.toInstant(), engineers));
                            engineers.clear();
                        }
                        current = id;
                        name = rows.getString(2);
                        created = rows.getObject(3, OffsetDateTime.class);
                        updated = rows.getObject(4, OffsetDateTime.class);
                    }
                    long engineerId = rows.getLong(5);
                    if (!rows.wasNull()) {
                        engineers.add(new EngineerSummary(engineerId, rows.getString(6), rows.getString(7), rows.getInt(8)));
                    }
                }
                if (current != -1) {
                    all.add(new InstructorWithEngineers(current, name, created.toInstant(), updated.toInstant(), engineers));
                }
            }
        }
        connection.commit();
        return all;
    }

    @FunctionalInterface
    interface Read {
        Object run() throws Exception;
    }

    static double timed(Read read) throws Exception {
        return repeated(1, read);
    }

    /** The mean seconds of one read, over {@code times} reads. */
    static double repeated(int times, Read read) throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < times; i++) {
            read.run();
        }
        return Harness.secondsSince(started) / times;
    }

    static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("Benchmark invalid: " + failure);
        }
    }
}
