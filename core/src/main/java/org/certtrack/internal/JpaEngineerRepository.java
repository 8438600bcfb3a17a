package org.certtrack.internal;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.Instructor;
import org.certtrack.PageRequest;

/** {@link EngineerRepository} over a JPA {@link EntityManager}. */
public final class JpaEngineerRepository extends JpaRepository<Engineer> implements EngineerRepository {

    public JpaEngineerRepository(EntityManager entityManager) {
        super(entityManager, Engineer.class);
    }

    @Override
    public Optional<Engineer> findByIdWithCertificates(long id) {
        return entityManager.createQuery("""
                        select e from Engineer e
                        left join fetch e.certificates c
                        left join fetch c.instructor
                        where e.id = :id""", Engineer.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Engineer> findAll(PageRequest page) {
        return page(entityManager.createQuery("from Engineer e order by e.name, e.id", Engineer.class), page);
    }

    @Override
    public List<Engineer> findAllWithCertificates(PageRequest page) {
        return pageWithFetches("select e.id from Engineer e order by e.name, e.id", """
                select e from Engineer e
                left join fetch e.certificates c
                left join fetch c.instructor
                where e.id in :ids
                order by e.name, e.id""", page);
    }

    @Override
    public List<Engineer> findBySpecialty(String specialty) {
        Require.searchText("specialty", specialty);
        return entityManager.createQuery(
                        "from Engineer e where e.specialty = :specialty order by e.name, e.id", Engineer.class)
                .setParameter("specialty", specialty)
                .getResultList();
    }

    @Override
    public void delete(Engineer engineer) {
        requireNonNull(engineer, "engineer");
        Engineer managed = entityManager.contains(engineer) ? engineer : entityManager.merge(engineer);
        // Keep instructors already loaded in this unit of work in step; the database unlinks the rest.
        var loaded = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
        for (Certificate certificate : List.copyOf(managed.getCertificates())) {
            Instructor instructor = certificate.getInstructor();
            if (instructor != null && loaded.isLoaded(instructor, "certificates")) {
                instructor.removeCertificate(certificate);
            }
        }
        entityManager.remove(managed);
    }
}
