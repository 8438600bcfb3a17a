package org.certtrack.internal;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.certtrack.Certificate;
import org.certtrack.Instructor;
import org.certtrack.InstructorRepository;
import org.certtrack.InstructorWithEngineers;
import org.certtrack.InstructorWithEngineers.EngineerSummary;
import org.certtrack.PageRequest;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/** {@link InstructorRepository} over a JPA {@link EntityManager}. */
public final class JpaInstructorRepository extends JpaRepository<Instructor> implements InstructorRepository {

    // Rows of instructors with the engineers holding a certificate they issued, each pair once, ordered by
    // instructor and then engineer. The page forms pick their instructors first, from the (name, id) index, and
    // take only their certificates: the keyset page costs the same at any depth, the OFFSET page grows with it.
    private static final String PAIRS = """
            SELECT i.id AS i_id, i.name AS i_name, i.created_at AS i_created_at, i.updated_at AS i_updated_at,
                   e.id AS e_id, e.name AS e_name, e.specialty AS e_specialty, e.age AS e_age
            FROM %s i
            LEFT JOIN (SELECT DISTINCT c.instructor_id, c.engineer_id FROM certificates c
                       WHERE %s) pairs ON pairs.instructor_id = i.id
            LEFT JOIN engineers e ON e.id = pairs.engineer_id
            ORDER BY i.name, i.id, e.name, e.id""";
    private static final String ALL_PAIRS = PAIRS.formatted("instructors", "c.instructor_id IS NOT NULL");
    private static final String PAGE = "WITH page AS (SELECT id, name, created_at, updated_at FROM instructors%s"
            + " ORDER BY name, id LIMIT :size%s)\n" + PAIRS.formatted("page", "c.instructor_id IN (SELECT id FROM page)");
    private static final String PAGE_OF_PAIRS = PAGE.formatted("", " OFFSET :offset");
    // The keyset page: a row-value comparison, which PostgreSQL and H2 both turn into a range of the index.
    private static final String PAGE_OF_PAIRS_AFTER = PAGE.formatted(" WHERE (name, id) > (:name, :id)", "");

    public JpaInstructorRepository(EntityManager entityManager) {
        super(entityManager, Instructor.class);
    }

    @Override
    public List<Instructor> findAll(PageRequest page) {
        return page(named("inNameOrder", Instructor.class), page);
    }

    @Override
    public List<Instructor> findAllAfter(Instructor last, int size) {
        if (last == null) {
            return firstRows(named("inNameOrder", Instructor.class), size);
        }
        return firstRows(named("inNameOrderAfter", Instructor.class)
                .setParameter("name", last.getName()).setParameter("id", cursorId(last)), size);
    }

    @Override
    public List<Instructor> findAllWithEngineers(PageRequest page) {
        return pageWithFetches("withEngineers", page);
    }

    @Override
    public List<Instructor> findAllWithEngineersAfter(Instructor last, int size) {
        return pageWithFetchesAfter("withEngineers", last, last == null ? null : last.getName(), size);
    }

    @Override
    public void forEachRowWithEngineers(Consumer<InstructorWithEngineers> action) {
        requireNonNull(action, "action");
        try (Stream<Object[]> rows = pairs(ALL_PAIRS).setFetchSize(1_000).getResultStream()) {
            fold(rows, action);
        }
    }

    @Override
    public List<InstructorWithEngineers> findRowsWithEngineers(PageRequest page) {
        requireNonNull(page, "page");
        List<InstructorWithEngineers> rows = new ArrayList<>(page.size());
        try (Stream<Object[]> pairs = pairs(PAGE_OF_PAIRS)
                .setParameter("size", page.size())
                .setParameter("offset", page.offset())
                .getResultStream()) {
            fold(pairs, rows::add);
        }
        return rows;
    }

    @Override
    public List<InstructorWithEngineers> findRowsWithEngineersAfter(InstructorWithEngineers last, int size) {
        NativeQuery<Object[]> query = last == null
                ? pairs(PAGE_OF_PAIRS).setParameter("offset", 0)
                : pairs(PAGE_OF_PAIRS_AFTER).setParameter("name", last.name()).setParameter("id", last.id());
        List<InstructorWithEngineers> rows = new ArrayList<>(pageSize(size));
        try (Stream<Object[]> pairs = query.setParameter("size", size).getResultStream()) {
            fold(pairs, rows::add);
        }
        return rows;
    }

    /** The pairs query as scalar rows: no entity is hydrated or tracked. */
    private NativeQuery<Object[]> pairs(String sql) {
        return entityManager.unwrap(Session.class).createNativeQuery(sql, Object[].class)
                .addScalar("i_id", Long.class)
                .addScalar("i_name", String.class)
                .addScalar("i_created_at", Instant.class)
                .addScalar("i_updated_at", Instant.class)
                .addScalar("e_id", Long.class)
                .addScalar("e_name", String.class)
                .addScalar("e_specialty", String.class)
                .addScalar("e_age", Integer.class);
    }

    /** Folds the pairs, ordered by instructor, into one {@link InstructorWithEngineers} per instructor. */
    private static void fold(Stream<Object[]> rows, Consumer<InstructorWithEngineers> action) {
        Object[] instructor = null;
        List<EngineerSummary> engineers = new ArrayList<>();
        for (var iterator = rows.iterator(); iterator.hasNext(); ) {
            Object[] row = iterator.next();
            if (instructor != null && !instructor[0].equals(row[0])) {
                action.accept(summary(instructor, engineers));
                engineers.clear();
            }
            instructor = row;
            if (row[4] != null) {
                engineers.add(new EngineerSummary((Long) row[4], (String) row[5], (String) row[6], (Integer) row[7]));
            }
        }
        if (instructor != null) {
            action.accept(summary(instructor, engineers));
        }
    }

    private static InstructorWithEngineers summary(Object[] row, List<EngineerSummary> engineers) {
        return new InstructorWithEngineers((Long) row[0], (String) row[1], (Instant) row[2], (Instant) row[3], engineers);
    }

    @Override
    void unlink(Instructor instructor) {
        for (Certificate certificate : List.copyOf(instructor.getCertificates())) {
            instructor.removeCertificate(certificate);
        }
    }
}
