package org.certtrack.spring;

import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUnavailableException;
import org.certtrack.spi.Integration;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An opt-in transaction manager for applications that want certtrack's exceptions from every transaction,
 * their own entities' too: the starter never registers it (certtrack's repositories give certtrack's
 * exceptions under any {@code JpaTransactionManager}); declare it as your {@code transactionManager} bean.
 * Spring's {@link JpaTransactionManager}, with certtrack's exception contract at the edges of a
 * transaction: a {@code @Transactional} method whose commit loses a race throws
 * {@link org.certtrack.ConcurrentUpdateException} naming the entity and id (not Spring's
 * {@code ObjectOptimisticLockingFailureException}), and one that cannot get a connection throws
 * {@link org.certtrack.DatabaseUnavailableException}, or {@link org.certtrack.PoolExhaustedException} when
 * the database is up but every connection of a HikariCP pool (Spring Boot's default) stayed busy. A commit
 * that gets no answer after the flush went through throws {@link org.certtrack.DatabaseUnavailableException}
 * with {@code mayHaveBeenWritten()} true. Every other failure is Spring's, translated as
 * {@code JpaTransactionManager} translates it.
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
                RuntimeException spring = DataAccessUtils.translateIfNecessary(e, getJpaDialect());
                throw certTrackExceptionOr(spring, translate(spring));
            }
        }
        try {
            super.doCommit(status);
        } catch (RuntimeException e) {
            RuntimeException translated = translate(e);
            // The flush went through: the server may have committed and lost only its answer.
            throw certTrackExceptionOr(e, translated instanceof DatabaseUnavailableException unavailable
                    ? Integration.commitInDoubt(unavailable) : translated);
        }
    }

    /**
     * certtrack's exception for {@code failure} (Spring's translation, which the certtrack exception keeps as
     * its cause for Spring's own handling); with the pool at hand, a busy pool is told from an unreachable database.
     */
    private RuntimeException translate(RuntimeException failure) {
        return Integration.translate(failure, getDataSource(), CertTrackUnits.SPRING_SETTINGS);
    }

    private static RuntimeException certTrackExceptionOr(RuntimeException spring, RuntimeException certTrack) {
        return certTrack instanceof CertTrackException ? certTrack : spring;
    }
}
