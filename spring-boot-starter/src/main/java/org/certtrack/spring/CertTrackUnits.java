package org.certtrack.spring;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import javax.sql.DataSource;

import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUnavailableException;
import org.certtrack.spi.Integration;
import org.certtrack.spi.SettingNames;
import org.hibernate.Session;
import org.hibernate.StaleObjectStateException;
import org.hibernate.Transaction;
import org.springframework.dao.DataAccessException;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * certtrack's units of work inside the application's Spring transactions, without being the application's
 * transaction manager: certtrack's repositories translate what their own calls throw, and a Spring
 * transaction in which they were called flushes before it commits, so that what fails there concerning
 * certtrack's entities reaches the caller as certtrack's exception. A transaction that never calls them is
 * left exactly as Spring runs it.
 *
 * <p>Each certtrack exception thrown here has Spring's translation of the same failure (a
 * {@link DataAccessException}) as its cause when Spring has one, so that Spring's handling that looks at causes
 * ({@code @Retryable(includes = ...)}, {@code @ExceptionHandler}) sees what it would have seen.
 */
final class CertTrackUnits {

    /** The settings behind certtrack's limits, as a Spring Boot application sets them. */
    static final SettingNames SPRING_SETTINGS = SettingNames.properties(
            "spring.datasource.hikari.maximum-pool-size", "spring.datasource.hikari.connection-timeout",
            "spring.datasource.hikari.data-source-properties.socketTimeout",
            "spring.jpa.properties.jakarta.persistence.query.timeout");

    private final EntityManagerFactory entityManagerFactory;
    private final DataSource dataSource;
    private final HibernateJpaDialect dialect = new HibernateJpaDialect();
    private final TransactionSynchronization flushBeforeCommit = new FlushBeforeCommit();

    CertTrackUnits(EntityManagerFactory entityManagerFactory, DataSource dataSource) {
        this.entityManagerFactory = entityManagerFactory;
        this.dataSource = dataSource;
    }

    /** A repository of {@code type} over Spring's shared entity manager. */
    <R> R repository(Class<R> type) {
        R repository = Integration.untranslatedRepository(type,
                SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
                if (method.getDeclaringClass() == Object.class) {
                    return switch (method.getName()) {
                        case "equals" -> proxy == arguments[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> type.getSimpleName() + " of certtrack, over Spring's shared EntityManager";
                    };
                }
                joinTransaction();
                try {
                    return method.invoke(repository, arguments);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw translate(failure);
                    }
                    throw e.getCause();
                }
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** Has the current read-write Spring transaction, if any, flush certtrack's changes before it commits. */
    private void joinTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                || TransactionSynchronizationManager.getSynchronizations().contains(flushBeforeCommit)) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(flushBeforeCommit);
    }

    /**
     * certtrack's exception for what a repository call or the flush before a commit threw, or {@code failure}
     * itself when certtrack has none. A database that became unavailable ends the transaction's
     * Hibernate side, whose connection is gone: Spring's rollback then has nothing left to roll back and
     * cannot replace certtrack's exception with its own failure to roll back.
     */
    RuntimeException translate(RuntimeException failure) {
        DataAccessException spring = failure instanceof PersistenceException persistence
                ? dialect.translateExceptionIfPossible(persistence) : null;
        RuntimeException translated = Integration.translate(spring != null ? spring : failure, dataSource, SPRING_SETTINGS);
        if (translated instanceof DatabaseUnavailableException) {
            endTransactionOnLostConnection();
        }
        return translated instanceof CertTrackException ? translated : failure;
    }

    private void endTransactionOnLostConnection() {
        EntityManager current = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
        if (current == null) {
            return;
        }
        Transaction transaction = current.unwrap(Session.class).getTransaction();
        if (transaction.isActive()) {
            try {
                transaction.rollback();
            } catch (RuntimeException connectionGone) {
                // Expected: the server dropped the transaction with the connection, and the caller gets
                // certtrack's exception, which already says so.
            }
        }
    }

    /** Whether {@code failure} is a lost race on one of the application's own entities, which stays Spring's. */
    private static boolean concernsApplicationEntity(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StaleObjectStateException stale) {
                return Integration.entityClasses().stream().noneMatch(entity -> entity.getName().equals(stale.getEntityName()));
            }
            if (cause instanceof OptimisticLockException optimistic && optimistic.getEntity() != null) {
                return !Integration.entityClasses().contains(optimistic.getEntity().getClass());
            }
        }
        return false;
    }

    /**
     * Flushes a read-write transaction in which certtrack's repositories ran, just before Spring commits it,
     * so that a lost race or an unavailable database during that flush is told as certtrack tells it.
     */
    private final class FlushBeforeCommit implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            EntityManager current = readOnly ? null : EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
            if (current == null) {
                return;
            }
            try {
                current.flush();
            } catch (RuntimeException failure) {
                if (concernsApplicationEntity(failure)) {
                    DataAccessException spring = failure instanceof PersistenceException persistence
                            ? dialect.translateExceptionIfPossible(persistence) : null;
                    throw spring != null ? spring : failure;
                }
                RuntimeException translated = translate(failure);
                if (translated == failure && failure instanceof PersistenceException persistence) {
                    DataAccessException spring = dialect.translateExceptionIfPossible(persistence);
                    throw spring != null ? spring : failure;
                }
                throw translated;
            }
        }
    }
}
