package org.certtrack.internal;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.Instructor;
import org.certtrack.Instructor_;
import org.certtrack.PageRequest;

/** {@link EngineerRepository} over a JPA {@link EntityManager}. */
public final class JpaEngineerRepository extends JpaRepository<Engineer> implements EngineerRepository {

    public JpaEngineerRepository(EntityManager entityManager) {
        super(entityManager, Engineer.class);
    }

    @Override
    public Engineer add(Engineer engineer) {
        super.add(engineer);   // and its certificates, by cascade
        engineer.getCertificates().forEach(this::addNewInstructor);
        return engineer;
    }

    @Override
    public Optional<Engineer> findByIdWithCertificates(long id) {
        // Closed here: an open result stream holds its statement and result set until the session ends.
        try (Stream<Engineer> rows = named("byIdWithCertificates", Engineer.class).setParameter("id", id).getResultStream()) {
            return rows.findFirst();
        }
    }

    @Override
    public List<Engineer> findAll(PageRequest page) {
        return page(named("inNameOrder", Engineer.class), page);
    }

    @Override
    public List<Engineer> findAllAfter(Engineer last, int size) {
        if (last == null) {
            return firstRows(named("inNameOrder", Engineer.class), size);
        }
        return firstRows(named("inNameOrderAfter", Engineer.class)
                .setParameter("name", last.getName()).setParameter("id", cursorId(last)), size);
    }

    @Override
    public List<Engineer> findAllWithCertificates(PageRequest page) {
        return pageWithFetches("withCertificates", page);
    }

    @Override
    public List<Engineer> findAllWithCertificatesAfter(Engineer last, int size) {
        return pageWithFetchesAfter("withCertificates", last, last == null ? null : last.getName(), size);
    }

    @Override
    public List<Engineer> findBySpecialty(String specialty, PageRequest page) {
        Require.searchText("specialty", specialty);
        return page(named("bySpecialty", Engineer.class).setParameter("specialty", specialty), page);
    }

    @Override
    public List<Engineer> findBySpecialtyAfter(String specialty, Engineer last, int size) {
        Require.searchText("specialty", specialty);
        if (last == null) {
            return firstRows(named("bySpecialty", Engineer.class).setParameter("specialty", specialty), size);
        }
        return firstRows(named("bySpecialtyAfter", Engineer.class).setParameter("specialty", specialty)
                .setParameter("name", last.getName()).setParameter("id", cursorId(last)), size);
    }

    @Override
    public List<Engineer> findByInstructorId(long instructorId, PageRequest page) {
        return page(named("byInstructorId", Engineer.class).setParameter("instructorId", instructorId), page);
    }

    @Override
    void unlink(Engineer engineer) {
        // Keep instructors already loaded in this unit of work in step; the database unlinks the rest.
        var loaded = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
        for (Certificate certificate : engineer.getCertificates()) {
            Instructor instructor = certificate.getInstructor();
            if (instructor != null && loaded.isLoaded(instructor, Instructor_.CERTIFICATES)) {
                instructor.removeCertificate(certificate);
            }
        }
    }
}
