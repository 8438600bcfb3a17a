package org.certtrack.internal;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;

import java.util.List;

import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.InstructorRepository;
import org.certtrack.PageRequest;

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
