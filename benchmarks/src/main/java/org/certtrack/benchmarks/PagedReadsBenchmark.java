package org.certtrack.benchmarks;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.certtrack.CertTrack;
import org.certtrack.PageRequest;
import org.certtrack.UnitOfWork;
import org.certtrack.seed.junit.StatementCounter;

/**
 * Every paged read the repositories offer, on tables of N and of 10 x N instructors (each instructor with
 * about 4 engineers, each engineer with 2 certificates): the same page must take no longer on the larger
 * tables (target: at most 1.2 x the time, a ratio of at least 0.83), in at most 2 SQL statements.
 */
final class PagedReadsBenchmark {

    private static final int ENGINEERS_PER_INSTRUCTOR = 4;
    private static final PageRequest PAGE = PageRequest.of(3, 100);

    /** One paged read: what it is called, and the read itself, returning how many rows it gave. */
    private record PagedRead(String name, BiFunction<UnitOfWork, PageRequest, Integer> rows) {
    }

    private static final List<PagedRead> READS = List.of(
            new PagedRead("instructors with engineers, entities (findAllWithEngineers)",
                    (work, page) -> work.instructors().findAllWithEngineers(page).stream().mapToInt(i -> i.getEngineers().size()).sum()),
            new PagedRead("instructors with engineers, rows (findRowsWithEngineers)",
                    (work, page) -> work.instructors().findRowsWithEngineers(page).stream().mapToInt(i -> i.engineers().size()).sum()),
            new PagedRead("engineers with certificates (findAllWithCertificates)",
                    (work, page) -> work.engineers().findAllWithCertificates(page).stream().mapToInt(e -> e.getCertificates().size()).sum()),
            new PagedRead("certificates (findAll)", (work, page) -> work.certificates().findAll(page).size()),
            new PagedRead("certificates expiring in a year (findExpiringIn)", (work, page) -> work.certificates().findExpiringIn(2025, page).size()),
            new PagedRead("one instructor's engineers (findByInstructorId)",
                    (work, page) -> work.engineers().findByInstructorId(1, PageRequest.first(page.size())).size()),
            new PagedRead("engineers of a specialty (findBySpecialty)", (work, page) -> work.engineers().findBySpecialty("backend", page).size()),
            new PagedRead("name search (findByNameContaining)", (work, page) -> work.engineers().findByNameContaining("7", page).size()));

    private final int instructors;

    PagedReadsBenchmark(int instructors) {
        this.instructors = instructors;
    }

    List<Result> run(Harness harness) throws Exception {
        StatementCounter statements = new StatementCounter();
        List<Result> results = new ArrayList<>();
        try (BenchmarkDatabase small = loaded(instructors);
             BenchmarkDatabase large = loaded(instructors * 10);
             CertTrack onSmall = small.certTrack().property(StatementCounter.PROPERTY, statements).build();
             CertTrack onLarge = large.certTrack().property(StatementCounter.PROPERTY, statements).build()) {
            for (PagedRead read : READS) {
                int smallRows = onSmall.read(work -> read.rows().apply(work, PAGE));
                statements.reset();
                int largeRows = onLarge.read(work -> read.rows().apply(work, PAGE));
                int pageStatements = statements.reset();
                InstructorsWithEngineersBenchmark.check(largeRows > 0 && smallRows > 0, read.name() + ": the page is empty");
                InstructorsWithEngineersBenchmark.check(pageStatements <= 2, read.name() + " took " + pageStatements + " statements");
                // A page takes milliseconds: each round reads it enough times to last about 200 ms, so that a
                // pause of the shared machine does not decide a round.
                int repeats = repeatsFor(() -> onSmall.read(work -> read.rows().apply(work, PAGE)));
                Harness.Medians medians = harness.compare(
                        () -> InstructorsWithEngineersBenchmark.repeated(repeats, () -> onLarge.read(work -> read.rows().apply(work, PAGE))),
                        () -> InstructorsWithEngineersBenchmark.repeated(repeats, () -> onSmall.read(work -> read.rows().apply(work, PAGE))));
                results.add(Result.time("page 4 of 100, " + read.name() + ", " + (instructors * 10) + " instructors, "
                                + pageStatements + " statement(s)", "ms", medians.contender() * 1000,
                        "the same page with " + instructors + " instructors", medians.baseline() * 1000));
            }
        }
        return results;
    }

    private static int repeatsFor(InstructorsWithEngineersBenchmark.Read read) throws Exception {
        InstructorsWithEngineersBenchmark.repeated(5, read);
        double once = InstructorsWithEngineersBenchmark.repeated(5, read);
        return (int) Math.max(1, Math.min(500, Math.ceil(0.2 / once)));
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
