package org.certtrack.spring;

import org.certtrack.CertTrackException;
import org.certtrack.spi.Integration;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's {@link JpaTransactionManager}, with certtrack's exception contract at the edges of a
 * transaction: a {@code @Transactional} method whose commit loses a race throws
 * {@link org.certtrack.ConcurrentUpdateException} naming the entity and id (not Spring's
 * {@code ObjectOptimisticLockingFailureException}), and one that cannot get a connection throws
 * {@link org.certtrack.DatabaseUnavailableException}, or {@link org.certtrack.PoolExhaustedException} when
 * the database is up but every connection of a HikariCP pool (Spring Boot's default) stayed busy. Every other failure is Spring's, translated as
 * {@code JpaTransactionManager} translates it.
 *
 * <p>The starter registers one unless the application defines its own transaction manager; an
 * application that needs its own can extend this one to keep the contract.
 */
public class CertTrackTransactionManager extends JpaTransactionManager {

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        try {
            super.doBegin(transaction, definition);
        } catch (RuntimeException e) {
            throw certTrackExceptionOr(e, translate(e));
        }
    }

    /**
     * Flushes before committing, so that a lost race reaches certtrack's translation as Hibernate reports
     * it (the stale entity and its id), not wrapped in a failed commit that Spring has already translated.
     */
    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager.getResource(
                obtainEntityManagerFactory());
        if (holder != null && !status.isReadOnly()) {
            try {
                holder.getEntityManager().flush();
            } catch (RuntimeException e) {
                throw certTrackExceptionOr(DataAccessUtils.translateIfNecessary(e, getJpaDialect()), translate(e));
            }
        }
        try {
            super.doCommit(status);
        } catch (RuntimeException e) {
            throw certTrackExceptionOr(e, translate(e));
        }
    }

    /** certtrack's exception for {@code failure}; with the pool at hand, a busy pool is told from an unreachable database. */
    private RuntimeException translate(RuntimeException failure) {
        return Integration.translate(failure, getDataSource());
    }

    private static RuntimeException certTrackExceptionOr(RuntimeException spring, RuntimeException certTrack) {
        return certTrack instanceof CertTrackException ? certTrack : spring;
    }
}
