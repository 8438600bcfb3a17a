package org.certtrack.benchmarks;

import java.sql.Connection;
import java.util.List;

import org.certtrack.seed.junit.StatementCounter;
import org.certtrack.CertTrack;
import org.certtrack.Instructor;
import org.certtrack.PageRequest;

/**
 * Target 4: one page of 100 instructors with their engineers, on a table of N and of 10 x N instructors
 * (each with the same number of engineers). The time of a page must not grow with the table.
 */
final class InstructorPageBenchmark {

    private static final int ENGINEERS_PER_INSTRUCTOR = 4;

    private final int instructors;

    InstructorPageBenchmark(int instructors) {
        this.instructors = instructors;
    }

    Result run(Harness harness) throws Exception {
        StatementCounter statements = new StatementCounter();
        PageRequest page = PageRequest.of(3, 100);
        try (BenchmarkDatabase small = loaded(instructors);
             BenchmarkDatabase large = loaded(instructors * 10);
             CertTrack onSmall = small.certTrack().property("hibernate.session_factory.statement_inspector", statements).build();
             CertTrack onLarge = large.certTrack().property("hibernate.session_factory.statement_inspector", statements).build()) {
            statements.reset();
            InstructorsWithEngineersBenchmark.check(readPage(onLarge, page) > 0, "the page is empty");
            int pageStatements = statements.reset();
            InstructorsWithEngineersBenchmark.check(pageStatements <= 2, "a page took " + pageStatements + " statements");
            Harness.Medians medians = harness.compare(
                    () -> InstructorsWithEngineersBenchmark.timed(() -> readPage(onLarge, page)),
                    () -> InstructorsWithEngineersBenchmark.timed(() -> readPage(onSmall, page)));
            return Result.time("a page of 100 instructors with engineers, " + (instructors * 10) + " instructors, "
                            + pageStatements + " statements", "ms", medians.contender() * 1000,
                    "the same page with " + instructors + " instructors", medians.baseline() * 1000);
        }
    }

    private static int readPage(CertTrack certTrack, PageRequest page) {
        return certTrack.read(work -> {
            List<Instructor> instructors = work.instructors().findAllWithEngineers(page);
            return instructors.stream().mapToInt(i -> i.getEngineers().size()).sum();
        });
    }

    private static BenchmarkDatabase loaded(int instructors) throws Exception {
        BenchmarkDatabase database = BenchmarkDatabase.create();
        try (Connection connection = database.connect("")) {
            // Engineers hold 2 certificates from different instructors, so each instructor has ~4 engineers.
            new CopyLoader(instructors * ENGINEERS_PER_INSTRUCTOR / 2, 2, instructors).load(connection);
        }
        database.analyze();
        return database;
    }
}
