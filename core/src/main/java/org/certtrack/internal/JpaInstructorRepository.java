package org.certtrack.internal;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.InstructorRepository;
import org.certtrack.InstructorWithEngineers;
import org.certtrack.InstructorWithEngineers.EngineerSummary;
import org.certtrack.PageRequest;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/** {@link InstructorRepository} over a JPA {@link EntityManager}. */
public final class JpaInstructorRepository extends JpaRepository<Instructor> implements InstructorRepository {

    public JpaInstructorRepository(EntityManager entityManager) {
        super(entityManager, Instructor.class);
    }

    @Override
    public List<Instructor> findAll(PageRequest page) {
        return page(entityManager.createQuery("from Instructor i order by i.name, i.id", Instructor.class), page);
    }

    @Override
    public List<Instructor> findAllWithEngineers(PageRequest page) {
        return pageWithFetches("select i.id from Instructor i order by i.name, i.id", """
                select i from Instructor i
                left join fetch i.certificates c
                left join fetch c.engineer
                where i.id in :ids
                order by i.name, i.id""", page);
    }

    @Override
    public void forEachWithEngineers(Consumer<InstructorWithEngineers> action) {
        requireNonNull(action, "action");
        // Scalars from one join over the distinct (instructor, engineer) pairs: no entity is hydrated or
        // tracked, which is what keeps a listing of 100k pairs close to hand-written JDBC.
        NativeQuery<Object[]> query = entityManager.unwrap(Session.class).createNativeQuery("""
                SELECT i.id AS instructor_id, i.name AS instructor_name, i.created_at, i.updated_at,
                       e.id AS engineer_id, e.name AS engineer_name, e.specialty, e.age
                FROM instructors i
                LEFT JOIN (SELECT DISTINCT instructor_id, engineer_id FROM certificates
                           WHERE instructor_id IS NOT NULL) pairs ON pairs.instructor_id = i.id
                LEFT JOIN engineers e ON e.id = pairs.engineer_id
                ORDER BY i.name, i.id, e.name, e.id""", Object[].class);
        query.addScalar("instructor_id", Long.class)
                .addScalar("instructor_name", String.class)
                .addScalar("created_at", Instant.class)
                .addScalar("updated_at", Instant.class)
                .addScalar("engineer_id", Long.class)
                .addScalar("engineer_name", String.class)
                .addScalar("specialty", String.class)
                .addScalar("age", Integer.class)
                .setFetchSize(1_000)
                .setReadOnly(true);
        try (Stream<Object[]> rows = query.getResultStream()) {
            InstructorRows grouped = new InstructorRows(action);
            rows.forEach(grouped::accept);
            grouped.finish();
        }
    }

    /** Folds the join's rows, ordered by instructor, into one {@link InstructorWithEngineers} per instructor. */
    private static final class InstructorRows {
        private final Consumer<InstructorWithEngineers> action;
        private Object[] instructor;
        private final List<EngineerSummary> engineers = new ArrayList<>();

        InstructorRows(Consumer<InstructorWithEngineers> action) {
            this.action = action;
        }

        void accept(Object[] row) {
            if (instructor == null || !instructor[0].equals(row[0])) {
                finish();
                instructor = row;
            }
            if (row[4] != null) {
                engineers.add(new EngineerSummary((Long) row[4], (String) row[5], (String) row[6], (Integer) row[7]));
            }
        }

        void finish() {
            if (instructor != null) {
                action.accept(new InstructorWithEngineers((Long) instructor[0], (String) instructor[1],
                        (Instant) instructor[2], (Instant) instructor[3], engineers));
                engineers.clear();
                instructor = null;
            }
        }
    }

    @Override
    public List<Engineer> findEngineersOf(long instructorId) {
        return entityManager.createQuery("""
                        select e from Engineer e
                        where e.id in (select c.engineer.id from Certificate c where c.instructor.id = :instructorId)
                        order by e.name, e.id""", Engineer.class)
                .setParameter("instructorId", instructorId)
                .getResultList();
    }

    @Override
    public List<Instructor> findByNameContaining(String fragment) {
        return entityManager.createQuery("""
                        from Instructor i
                        where lower(i.name) like :pattern escape '\\'
                        order by i.name, i.id""", Instructor.class)
                .setParameter("pattern", containsPattern("name", fragment))
                .getResultList();
    }

    @Override
    public void delete(Instructor instructor) {
        requireNonNull(instructor, "instructor");
        Instructor managed = entityManager.contains(instructor) ? instructor : entityManager.merge(instructor);
        for (Certificate certificate : List.copyOf(managed.getCertificates())) {
            managed.removeCertificate(certificate);
        }
        entityManager.remove(managed);
    }
}
