package org.certtrack;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.certtrack.internal.Evictions;
import org.certtrack.internal.Failures;
import org.certtrack.internal.Timeouts;
import org.certtrack.internal.UnitGuards;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link CertTrack}'s units of work: one transaction each, read-write or read-only, committed or rolled
 * back whatever the callback throws, failures translated into certtrack's exceptions, and retried under a
 * {@link RetryPolicy}. Not API: {@link CertTrack}'s methods are.
 */
final class UnitOfWorkRunner {

    private static final Logger log = LoggerFactory.getLogger(CertTrack.class);

    private final EntityManagerFactory entityManagerFactory;
    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final HikariDataSource ownedReadPool;
    private final Timeouts.Limits limits;
    private final UnitGuards guards = new UnitGuards();

    /**
     * @param dataSource    the primary's data source, for read-write units
     * @param ownedPool     certtrack's own pool behind {@code dataSource}, or null for a caller's
     * @param ownedReadPool certtrack's read pool, or null when reads share {@code dataSource}
     * @param limits        the limits that certtrack's exceptions name
     */
    UnitOfWorkRunner(EntityManagerFactory entityManagerFactory, DataSource dataSource, HikariDataSource ownedPool,
                     HikariDataSource ownedReadPool, Timeouts.Limits limits) {
        this.entityManagerFactory = entityManagerFactory;
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.ownedReadPool = ownedReadPool;
        this.limits = limits;
    }

    /** See {@link CertTrack#inTransaction(Function)}. */
    <T> T inTransaction(Function<UnitOfWork, T> work) {
        guards.enter("CertTrack.inTransaction");
        try {
            UnitGuards.Parents parents = new UnitGuards.Parents();
            return run(entityManagerFactory.unwrap(SessionFactory.class).withOptions().interceptor(parents).openSession(),
                    null, work, failure -> Failures.translateReadWrite(failure, dataSource, limits, parents));
        } finally {
            guards.exit();
        }
    }

    /**
     * See {@link CertTrack#read(Function)}: a read-only unit on a connection from {@code source}.
     *
     * @param entry the public method called, named when units would nest
     */
    <T> T read(String entry, DataSource source, Function<UnitOfWork, T> work) {
        guards.enter(entry);
        try {
            Connection connection = readOnlyConnection(source);
            try {
                Session session = entityManagerFactory.unwrap(SessionFactory.class).withOptions()
                        .connection(guardedReadOnly(connection, source))
                        .flushMode(FlushMode.MANUAL)
                        .openSession();
                session.setDefaultReadOnly(true);
                return run(session, source, work, failure -> Failures.translateReadOnly(failure, source, limits));
            } finally {
                Evictions.releaseRead(source == ownedReadPool ? ownedReadPool : null, connection, UnitOfWorkRunner::release);
            }
        } finally {
            guards.exit();
        }
    }

    /**
     * Runs {@code work} in a transaction of {@code entityManager}, which it closes: commits what it wrote,
     * or, whatever it throws, rolls back and rethrows certtrack's exception for it.
     *
     * @param readSource where a read-only unit took its connection; null for a read-write unit
     */
    private <T> T run(EntityManager entityManager, DataSource readSource, Function<UnitOfWork, T> work,
                      UnaryOperator<RuntimeException> translator) {
        boolean readOnly = readSource != null;
        EntityTransaction transaction = entityManager.getTransaction();
        long started = System.nanoTime();
        boolean committing = false;
        try {
            transaction.begin();
            T result = work.apply(new UnitOfWork(entityManager, translator));
            if (!readOnly) {
                // Flush before committing, so that what the statements raise reaches the translation as they
                // raise it, not wrapped in a failed commit.
                entityManager.flush();
            }
            if (readOnly) {
                transaction.rollback(); // a read-only unit keeps nothing, whatever got past the guards
            } else {
                committing = true;
                transaction.commit();
            }
            return result;
        } catch (Throwable e) {
            // Any Throwable: a checked exception thrown sneakily (Kotlin, @SneakyThrows, a generic rethrow)
            // must roll back and release the connection too, or its row locks outlive the unit of work.
            RuntimeException translated = e instanceof RuntimeException failure
                    ? Timeouts.cancelledBefore(translator.apply(failure), started, limits) : null;
            Evictions.afterFailure(readSource == null || readSource == dataSource ? ownedPool : ownedReadPool, ownedReadPool, translated);
            if (committing && translated instanceof DatabaseUnavailableException unavailable) {
                // The server may have committed and lost only its answer (a failover in the middle of COMMIT).
                translated = Failures.commitInDoubt(unavailable);
            }
            if (transaction.isActive()) {
                try {
                    transaction.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            if (translated != null) {
                throw translated;
            }
            throw UnitOfWorkRunner.<RuntimeException>sneaky(e);
        } finally {
            entityManager.close();
        }
    }

    /**
     * A connection marked read-only, on which a read-only unit runs its one transaction (pgjdbc then begins
     * it with {@code BEGIN READ ONLY}); {@link #release} unmarks it and hands it back.
     */
    private Connection readOnlyConnection(DataSource source) {
        Connection connection = null;
        try {
            connection = source.getConnection();
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            if (connection != null) {
                release(connection);
            }
            throw Failures.translate(new PersistenceException("Could not open a connection for a read-only unit of work", e),
                    source, limits);
        }
    }

    /** {@code connection}, refusing writes where the database does not (H2): see {@link UnitGuards#readOnly}. */
    private Connection guardedReadOnly(Connection connection, DataSource source) {
        try {
            return UnitGuards.readOnly(connection);
        } catch (SQLException e) {
            throw Failures.translate(new PersistenceException("Could not open a connection for a read-only unit of work", e),
                    source, limits);
        }
    }

    private static void release(Connection connection) {
        try (connection) {
            connection.setReadOnly(false);
        } catch (SQLException e) {
            // The pool replaces a connection that fails here; the unit of work's outcome stands.
            log.debug("could not release a read-only connection cleanly: {}", e.toString());
        }
    }

    /** Rethrows {@code e} unchanged, checked or not: the caller gets exactly what the callback threw. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }

    /** See {@link CertTrack#inTransaction(RetryPolicy, Function)}. */
    <T> T inTransaction(RetryPolicy retry, Function<UnitOfWork, T> work) {
        requireNonNull(retry, "retry");
        requireNonNull(work, "work");
        return retry.run(() -> inTransaction(work));
    }
}
