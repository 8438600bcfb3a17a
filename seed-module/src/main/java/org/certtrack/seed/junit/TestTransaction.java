package org.certtrack.seed.junit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;

import org.certtrack.CertTrack;

/** A test's entity manager, in a transaction that is rolled back after the test. */
final class TestTransaction {

    private final EntityManager entityManager;

    TestTransaction(CertTrack certTrack) {
        entityManager = certTrack.entityManagerFactory().createEntityManager();
        entityManager.getTransaction().begin();
    }

    EntityManager entityManager() {
        return entityManager;
    }

    /** Rolls the test's work back and closes the entity manager. */
    void close() {
        try {
            EntityTransaction transaction = entityManager.getTransaction();
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } finally {
            entityManager.close();
        }
    }
}
