package org.certtrack.benchmarks;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.certtrack.CertTrack;
import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.InstructorWithEngineers;
import org.certtrack.PageRequest;
import org.certtrack.UnitOfWork;

/**
 * Page 4 and a deep page (page 4,000 at 20,000 instructors) of every read that has a keyset form, by number
 * ({@code OFFSET}) and by the last row seen (keyset), on one data set: the ratio is page 4's time over the deep
 * page's, so a read whose pages cost the same at any depth scores about 1 (target: the deep page at most 1.2 x
 * page 4's time, a ratio of at least 0.83). Pages are of {@value #SIZE} rows, so that page 4,000 lies 20,000
 * rows deep; there are 100,000 engineers (5 specialties) with 2 certificates each (9 years), so that every
 * read has at least that many rows.
 */
final class DeepPagesBenchmark {

    private static final int SIZE = 5;
    private static final int SHALLOW = 4;
    private static final int ENGINEERS_PER_INSTRUCTOR = 5;

    /** A keyset read: the {@code size} rows after {@code last}, the first ones when it is null. */
    @FunctionalInterface
    private interface After<T> {
        List<T> rows(UnitOfWork work, T last, int size);
    }

    /** One read in both forms, by page number and after the last row seen. */
    private record DeepRead<T>(String name, BiFunction<UnitOfWork, PageRequest, List<T>> numbered, After<T> after) {
    }

    private static final List<DeepRead<?>> READS = List.of(
            new DeepRead<Instructor>("instructors (findAll / findAllAfter)",
                    (work, page) -> work.instructors().findAll(page), (work, last, size) -> work.instructors().findAllAfter(last, size)),
            new DeepRead<Instructor>("instructors with engineers, entities (findAllWithEngineers / findAllWithEngineersAfter)",
                    (work, page) -> work.instructors().findAllWithEngineers(page),
                    (work, last, size) -> work.instructors().findAllWithEngineersAfter(last, size)),
            new DeepRead<InstructorWithEngineers>("instructors with engineers, rows (findRowsWithEngineers / findRowsWithEngineersAfter)",
                    (work, page) -> work.instructors().findRowsWithEngineers(page),
                    (work, last, size) -> work.instructors().findRowsWithEngineersAfter(last, size)),
            new DeepRead<Engineer>("engineers (findAll / findAllAfter)",
                    (work, page) -> work.engineers().findAll(page), (work, last, size) -> work.engineers().findAllAfter(last, size)),
            new DeepRead<Engineer>("engineers with certificates (findAllWithCertificates / findAllWithCertificatesAfter)",
                    (work, page) -> work.engineers().findAllWithCertificates(page),
                    (work, last, size) -> work.engineers().findAllWithCertificatesAfter(last, size)),
            new DeepRead<Engineer>("engineers of a specialty (findBySpecialty / findBySpecialtyAfter)",
                    (work, page) -> work.engineers().findBySpecialty("backend", page),
                    (work, last, size) -> work.engineers().findBySpecialtyAfter("backend", last, size)),
            new DeepRead<Certificate>("certificates (findAll / findAllAfter)",
                    (work, page) -> work.certificates().findAll(page), (work, last, size) -> work.certificates().findAllAfter(last, size)),
            new DeepRead<Certificate>("certificates expiring in a year or before (findExpiringInOrBefore / findExpiringInOrBeforeAfter)",
                    (work, page) -> work.certificates().findExpiringInOrBefore(2025, page),
                    (work, last, size) -> work.certificates().findExpiringInOrBeforeAfter(2025, last, size)),
            new DeepRead<Certificate>("certificates expiring in a year (findExpiringIn / findExpiringInAfter)",
                    (work, page) -> work.certificates().findExpiringIn(2025, page),
                    (work, last, size) -> work.certificates().findExpiringInAfter(2025, last, size)));

    private final int instructors;
    private final int deep;

    /** At {@code instructors} instructors; the deep page is the last page of instructors (4,000 at 20,000). */
    DeepPagesBenchmark(int instructors) {
        this.instructors = instructors;
        this.deep = instructors / SIZE;
    }

    List<Result> run(Harness harness) throws Exception {
        List<Result> results = new ArrayList<>();
        try (BenchmarkDatabase database = loaded();
             CertTrack certTrack = database.certTrack().build()) {
            for (DeepRead<?> read : READS) {
                results.addAll(measure(harness, certTrack, read));
            }
        }
        return results;
    }

    private <T> List<Result> measure(Harness harness, CertTrack certTrack, DeepRead<T> read) throws Exception {
        PageRequest shallowPage = PageRequest.of(SHALLOW - 1, SIZE);
        PageRequest deepPage = PageRequest.of(deep - 1, SIZE);
        // The cursors are the last rows of the pages before, read untimed; both forms must give the same rows.
        T shallowCursor = last(certTrack.read(work -> read.numbered().apply(work, PageRequest.of(SHALLOW - 2, SIZE))));
        T deepCursor = last(certTrack.read(work -> read.numbered().apply(work, PageRequest.of(deep - 2, SIZE))));
        checkSameRows(certTrack, read, shallowPage, shallowCursor);
        checkSameRows(certTrack, read, deepPage, deepCursor);

        InstructorsWithEngineersBenchmark.Read offsetShallow = () -> certTrack.read(work -> read.numbered().apply(work, shallowPage));
        InstructorsWithEngineersBenchmark.Read offsetDeep = () -> certTrack.read(work -> read.numbered().apply(work, deepPage));
        InstructorsWithEngineersBenchmark.Read keysetShallow = () -> certTrack.read(work -> read.after().rows(work, shallowCursor, SIZE));
        InstructorsWithEngineersBenchmark.Read keysetDeep = () -> certTrack.read(work -> read.after().rows(work, deepCursor, SIZE));
        String deepName = "page " + String.format(Locale.ROOT, "%,d", deep) + " of " + SIZE;
        String shallowName = "page " + SHALLOW + " of the same read";
        String data = ", " + String.format(Locale.ROOT, "%,d", instructors) + " instructors";
        return List.of(
                compare(harness, "OFFSET " + deepName + ", " + read.name() + data, offsetDeep, shallowName, offsetShallow),
                compare(harness, "keyset " + deepName + ", " + read.name() + data, keysetDeep, shallowName, keysetShallow));
    }

    /**
     * The deep page timed against page 4. A page takes about a millisecond, so a pause of the shared machine
     * would decide a long round: many short rounds (each reading a page for about 10 ms), whose median
     * it does not move.
     */
    private static Result compare(Harness harness, String name, InstructorsWithEngineersBenchmark.Read deepRead, String baseline,
                                  InstructorsWithEngineersBenchmark.Read shallowRead) throws Exception {
        InstructorsWithEngineersBenchmark.repeated(5, shallowRead);
        InstructorsWithEngineersBenchmark.repeated(5, deepRead);
        double slower = Math.max(InstructorsWithEngineersBenchmark.repeated(5, shallowRead),
                InstructorsWithEngineersBenchmark.repeated(5, deepRead));
        int repeats = (int) Math.max(1, Math.min(500, Math.ceil(0.01 / slower)));
        Harness.Medians medians = harness.compare(
                () -> InstructorsWithEngineersBenchmark.repeated(repeats, deepRead),
                () -> InstructorsWithEngineersBenchmark.repeated(repeats, shallowRead));
        return Result.time(name, "ms", medians.contender() * 1000, baseline, medians.baseline() * 1000);
    }

    private static <T> void checkSameRows(CertTrack certTrack, DeepRead<T> read, PageRequest page, T cursor) {
        List<T> numbered = certTrack.read(work -> read.numbered().apply(work, page));
        List<T> after = certTrack.read(work -> read.after().rows(work, cursor, SIZE));
        InstructorsWithEngineersBenchmark.check(numbered.size() == SIZE, read.name() + ": " + page + " has " + numbered.size() + " rows");
        InstructorsWithEngineersBenchmark.check(after.equals(numbered), read.name() + ": the keyset page differs from " + page);
    }

    private static <T> T last(List<T> page) {
        InstructorsWithEngineersBenchmark.check(!page.isEmpty(), "the page before a cursor is empty");
        return page.get(page.size() - 1);
    }

    private BenchmarkDatabase loaded() throws Exception {
        BenchmarkDatabase database = BenchmarkDatabase.create();
        try (Connection connection = database.connect("")) {
            // Each engineer holds 2 certificates from different instructors: about 10 engineers per instructor.
            new CopyLoader(instructors * ENGINEERS_PER_INSTRUCTOR, 2, instructors).load(connection);
        }
        database.analyze();
        return database;
    }
}
