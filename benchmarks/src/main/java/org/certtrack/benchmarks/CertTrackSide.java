package org.certtrack.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.certtrack.CertTrack;
import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.InstructorWithEngineers;
import org.certtrack.PageRequest;

/**
 * Every call the peer comparisons make to certtrack's API, in one place, each returning the rows it read as
 * {@link PeerRows} so that both sides can be checked against each other.
 */
final class CertTrackSide {

    static final String[] TITLES = {"AWS", "Azure", "Github"};
    static final String[] SPECIALTIES = {"fullstack", "frontend", "backend", "quality assurance", "devops"};
    private static final int FLUSH_EVERY = 1_000;

    private CertTrackSide() {
    }

    /** A page of instructors with their engineers through the path {@code GET /instructors} uses: read-only rows. */
    static List<PeerRows.Row> rowsPage(CertTrack certTrack, int page, int size) {
        return certTrack.read(work -> work.instructors().findRowsWithEngineers(PageRequest.of(page, size)))
                .stream().map(CertTrackSide::row).toList();
    }

    /** The same page as entities. */
    static List<PeerRows.Row> entitiesPage(CertTrack certTrack, int page, int size) {
        return certTrack.read(work -> work.instructors().findAllWithEngineers(PageRequest.of(page, size))
                .stream().map(CertTrackSide::row).toList());
    }

    /** Every instructor with their engineers as entities, in pages of {@value PageRequest#MAX_SIZE}, clearing after each. */
    static List<PeerRows.Row> allAsEntities(CertTrack certTrack) {
        return certTrack.read(work -> {
            List<PeerRows.Row> rows = new ArrayList<>();
            PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
            for (List<Instructor> instructors = work.instructors().findAllWithEngineers(page);
                 !instructors.isEmpty();
                 instructors = work.instructors().findAllWithEngineers(page = page.next())) {
                instructors.forEach(instructor -> rows.add(row(instructor)));
                work.entityManager().clear();
            }
            return rows;
        });
    }

    /** Every instructor with their engineers, streamed as read-only rows from one statement. */
    static List<PeerRows.Row> allStreamed(CertTrack certTrack) {
        List<PeerRows.Row> rows = new ArrayList<>();
        certTrack.read(work -> {
            work.instructors().forEachRowWithEngineers(summary -> rows.add(row(summary)));
            return null;
        });
        return rows;
    }

    /**
     * Adds {@code count} engineers with 2 certificates each in one unit of work, flushing and clearing every
     * 1,000 (the same rows as the peer's write workload and {@link OrmWriteBenchmark}).
     */
    static void write(CertTrack certTrack, int count) {
        certTrack.useTransaction(work -> {
            for (int i = 0; i < count; i++) {
                Engineer engineer = new Engineer("Engineer " + i, SPECIALTIES[i % SPECIALTIES.length], 19 + i % 52);
                engineer.addCertificate(new Certificate(TITLES[i % 3], 2022 + i % 9));
                engineer.addCertificate(new Certificate(TITLES[(i + 1) % 3], 2022 + (i + 4) % 9));
                work.engineers().add(engineer);
                if ((i + 1) % FLUSH_EVERY == 0) {
                    // What any bulk load through JPA does: write what is pending and let go of it, so the
                    // persistence context (and each flush's dirty check) stays small.
                    work.flush();
                    work.entityManager().clear();
                }
            }
        });
    }

    private static PeerRows.Row row(InstructorWithEngineers summary) {
        return new PeerRows.Row(summary.id(), summary.name(),
                summary.engineers().stream().map(InstructorWithEngineers.EngineerSummary::id).toList());
    }

    private static PeerRows.Row row(Instructor instructor) {
        return new PeerRows.Row(instructor.getId(), instructor.getName(),
                instructor.getEngineers().stream().map(Engineer::getId).toList());
    }
}
