package org.certtrack;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;

/**
 * One transaction's view of the database, handed to the callbacks of {@link CertTrack#inTransaction} and
 * {@link CertTrack#useTransaction}: its repositories share one {@link EntityManager}, and everything they
 * write commits together or not at all. Do not keep it past the callback.
 */
public final class UnitOfWork {

    private final EntityManager entityManager;
    private final EngineerRepository engineers;
    private final CertificateRepository certificates;
    private final InstructorRepository instructors;

    UnitOfWork(EntityManager entityManager) {
        this.entityManager = requireNonNull(entityManager, "entityManager");
        this.engineers = EngineerRepository.using(entityManager);
        this.certificates = CertificateRepository.using(entityManager);
        this.instructors = InstructorRepository.using(entityManager);
    }

    /** The engineers, in this unit of work. */
    public EngineerRepository engineers() {
        return engineers;
    }

    /** The certificates, in this unit of work. */
    public CertificateRepository certificates() {
        return certificates;
    }

    /** The instructors, in this unit of work. */
    public InstructorRepository instructors() {
        return instructors;
    }

    /** The entity manager behind the repositories, for queries of your own. */
    public EntityManager entityManager() {
        return entityManager;
    }

    /** Writes pending changes to the database now (they still commit or roll back with the unit of work). */
    public void flush() {
        entityManager.flush();
    }
}
