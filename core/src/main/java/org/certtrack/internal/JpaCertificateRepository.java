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
        return page(named("inIdOrder", Certificate.class), page);
    }

    @Override
    public List<Certificate> findAllAfter(Certificate last, int size) {
        if (last == null) {
            return firstRows(named("inIdOrder", Certificate.class), size);
        }
        return firstRows(named("inIdOrderAfter", Certificate.class).setParameter("id", cursorId(last)), size);
    }

    @Override
    public List<Certificate> findExpiringIn(int year, PageRequest page) {
        return page(named("expiringIn", Certificate.class).setParameter("year", year), page);
    }

    @Override
    public List<Certificate> findExpiringInAfter(int year, Certificate last, int size) {
        if (last == null) {
            return firstRows(named("expiringIn", Certificate.class).setParameter("year", year), size);
        }
        return firstRows(named("expiringInAfter", Certificate.class).setParameter("year", year)
                .setParameter("id", cursorId(last)), size);
    }

    @Override
    public List<Certificate> findExpiringInOrBefore(int year, PageRequest page) {
        return page(named("expiringInOrBefore", Certificate.class)
                // The lowest year the schema allows (ck_certificates_expiration_year_plausible): "year or before".
                .setParameter("earliest", Certificate.MIN_EXPIRATION_YEAR).setParameter("year", year), page);
    }

    @Override
    public List<Certificate> findExpiringInOrBeforeAfter(int year, Certificate last, int size) {
        if (last == null) {
            return findExpiringInOrBefore(year, PageRequest.first(pageSize(size)));
        }
        // Every row after the cursor lies in its year or later: "between" bounds the range on both ends.
        return firstRows(named("expiringInOrBeforeAfter", Certificate.class).setParameter("year", year)
                .setParameter("lastYear", last.getExpirationYear()).setParameter("id", cursorId(last)), size);
    }

    @Override
    public long countExpiringIn(int year) {
        return named("countExpiringIn", Long.class).setParameter("year", year).getSingleResult();
    }

    @Override
    public List<Certificate> findByEngineerId(long engineerId, PageRequest page) {
        return page(named("byEngineerId", Certificate.class).setParameter("engineerId", engineerId), page);
    }

    @Override
    public Certificate add(Certificate certificate) {
        Engineer engineer = Require.present("Certificate.engineer", requireNonNull(certificate, "certificate").getEngineer());
        if (engineer.getId() == null) {
            // A new engineer is saved with all their certificates, this one included, and their new instructors.
            new JpaEngineerRepository(entityManager).add(engineer);
            return certificate;
        }
        super.add(certificate);
        addNewInstructor(certificate);
        return certificate;
    }

    @Override
    void unlink(Certificate certificate) {
        Instructor instructor = certificate.getInstructor();
        if (instructor != null) {
            instructor.removeCertificate(certificate);
        }
        // Orphan removal deletes it once its engineer lets go; remove() covers an engineer not in memory.
        certificate.getEngineer().removeCertificate(certificate);
    }
}
