package org.certtrack.internal;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;

import java.util.List;

import org.certtrack.Certificate;
import org.certtrack.CertificateRepository;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.PageRequest;

/** {@link CertificateRepository} over a JPA {@link EntityManager}. */
public final class JpaCertificateRepository extends JpaRepository<Certificate> implements CertificateRepository {

    public JpaCertificateRepository(EntityManager entityManager) {
        super(entityManager, Certificate.class);
    }

    @Override
    public List<Certificate> findAll(PageRequest page) {
        return page(entityManager.createQuery("from Certificate c order by c.id", Certificate.class), page);
    }

    @Override
    public List<Certificate> findExpiringInOrBefore(int year) {
        return entityManager.createQuery("""
                        select c from Certificate c
                        join fetch c.engineer
                        left join fetch c.instructor
                        where c.expirationYear <= :year
                        order by c.expirationYear, c.id""", Certificate.class)
                .setParameter("year", year)
                .getResultList();
    }

    @Override
    public List<Certificate> findByEngineerId(long engineerId) {
        return entityManager.createQuery(
                        "from Certificate c where c.engineer.id = :engineerId order by c.id", Certificate.class)
                .setParameter("engineerId", engineerId)
                .getResultList();
    }

    @Override
    public Certificate add(Certificate certificate) {
        Require.present("Certificate.engineer", requireNonNull(certificate, "certificate").getEngineer());
        return super.add(certificate);
    }

    @Override
    public void delete(Certificate certificate) {
        requireNonNull(certificate, "certificate");
        Certificate managed = entityManager.contains(certificate) ? certificate : entityManager.merge(certificate);
        Instructor instructor = managed.getInstructor();
        if (instructor != null) {
            instructor.removeCertificate(managed);
        }
        Engineer engineer = managed.getEngineer();
        // Orphan removal deletes it once its engineer lets go; remove() covers an engineer not in memory.
        engineer.removeCertificate(managed);
        entityManager.remove(managed);
    }
}
