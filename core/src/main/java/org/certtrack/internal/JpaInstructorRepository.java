package org.certtrack.internal;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.InstructorRepository;
import org.certtrack.InstructorWithEngineers;
import org.certtrack.InstructorWithEngineers.EngineerSummary;
import org.certtrack.PageRequest;
import org.hibernate.Session;
import org.hibernate.resource.jdbc.spi.StatementInspector;

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

    private static final String INSTRUCTOR_ENGINEER_PAIRS = """
            SELECT i.id, i.name, i.created_at, i.updated_at, e.id, e.name, e.specialty, e.age
            FROM instructors i
            LEFT JOIN (SELECT DISTINCT instructor_id, engineer_id FROM certificates
                       WHERE instructor_id IS NOT NULL) pairs ON pairs.instructor_id = i.id
            LEFT JOIN engineers e ON e.id = pairs.engineer_id
            """;
    private static final String IN_NAME_ORDER = "ORDER BY i.name, i.id, e.name, e.id";

    @Override
    public void forEachWithEngineers(Consumer<InstructorWithEngineers> action) {
        requireNonNull(action, "action");
        readPairs(INSTRUCTOR_ENGINEER_PAIRS + IN_NAME_ORDER, List.of(), action);
    }

    @Override
    public List<InstructorWithEngineers> findSummaries(PageRequest page) {
        List<Long> ids = page(entityManager.createQuery("select i.id from Instructor i order by i.name, i.id", Long.class), page);
        if (ids.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        List<InstructorWithEngineers> summaries = new ArrayList<>(ids.size());
        readPairs(INSTRUCTOR_ENGINEER_PAIRS + "WHERE i.id IN (" + placeholders + ")\n" + IN_NAME_ORDER, ids, summaries::add);
        return summaries;
    }

    /**
     * Runs the pairs join straight on the unit of work's JDBC connection and folds its rows into summaries:
     * no entity is hydrated or tracked, which keeps a listing of 100k pairs close to hand-written JDBC.
     */
    private void readPairs(String sql, List<Long> ids, Consumer<InstructorWithEngineers> action) {
        Session session = entityManager.unwrap(Session.class);
        // The configured statement inspector sees (and may rewrite) this statement like any Hibernate
        // issues, so SQL logging, auditing and statement counts include it.
        StatementInspector inspector = session.getSessionFactory().getSessionFactoryOptions().getStatementInspector();
        String inspected = inspector == null ? sql : inspector.inspect(sql);
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(inspected)) {
                for (int i = 0; i < ids.size(); i++) {
                    statement.setLong(i + 1, ids.get(i));
                }
                statement.setFetchSize(1_000);
                try (ResultSet rows = statement.executeQuery()) {
                    InstructorRows grouped = new InstructorRows(action);
                    while (rows.next()) {
                        grouped.accept(rows);
                    }
                    grouped.finish();
                }
            }
        });
    }

    /** Folds the join's rows, ordered by instructor, into one {@link InstructorWithEngineers} per instructor. */
    private static final class InstructorRows {
        private final Consumer<InstructorWithEngineers> action;
        private final List<EngineerSummary> engineers = new ArrayList<>();
        private long id = -1;
        private String name;
        private Instant createdAt;
        private Instant updatedAt;

        InstructorRows(Consumer<InstructorWithEngineers> action) {
            this.action = action;
        }

        void accept(ResultSet row) throws SQLException {
            long instructorId = row.getLong(1);
            if (instructorId != id) {
                finish();
                id = instructorId;
                name = row.getString(2);
                createdAt = row.getObject(3, OffsetDateTime.class).toInstant();
                updatedAt = row.getObject(4, OffsetDateTime.class).toInstant();
            }
            long engineerId = row.getLong(5);
            if (!row.wasNull()) {
                engineers.add(new EngineerSummary(engineerId, row.getString(6), row.getString(7), row.getInt(8)));
            }
        }

        void finish() {
            if (id != -1) {
                action.accept(new InstructorWithEngineers(id, name, createdAt, updatedAt, engineers));
                engineers.clear();
                id = -1;
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
    public void delete(Instructor instructor) {
        requireNonNull(instructor, "instructor");
        Instructor managed = entityManager.contains(instructor) ? instructor : entityManager.merge(instructor);
        for (Certificate certificate : List.copyOf(managed.getCertificates())) {
            managed.removeCertificate(certificate);
        }
        entityManager.remove(managed);
    }
}
