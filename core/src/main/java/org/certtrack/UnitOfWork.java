package org.certtrack;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;

import java.util.function.UnaryOperator;

import org.certtrack.internal.Failures;
import org.certtrack.internal.JpaCertificateRepository;
import org.certtrack.internal.JpaEngineerRepository;
import org.certtrack.internal.JpaInstructorRepository;

/**
 * One transaction's view of the database, handed to the callbacks of {@link CertTrack#inTransaction},
 * {@link CertTrack#useTransaction} and {@link CertTrack#read}: its repositories share one
 * {@link EntityManager}, and everything they write commits together or not at all (in a read-only unit,
 * nothing is written). Do not keep it past the callback.
 */
public final class UnitOfWork {

    private final EntityManager entityManager;
    private final EngineerRepository engineers;
    private final CertificateRepository certificates;
    private final InstructorRepository instructors;

    /** A unit of work whose repositories turn failures into certtrack's exceptions with {@code translator}. */
    UnitOfWork(EntityManager entityManager, UnaryOperator<RuntimeException> translator) {
        this.entityManager = requireNonNull(entityManager, "entityManager");
        this.engineers = Failures.translating(EngineerRepository.class, new JpaEngineerRepository(entityManager), translator);
        this.certificates = Failures.translating(CertificateRepository.class, new JpaCertificateRepository(entityManager), translator);
        this.instructors = Failures.translating(InstructorRepository.class, new JpaInstructorRepository(entityManager), translator);
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
