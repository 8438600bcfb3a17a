package org.certtrack.internal;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.certtrack.CertTrackException;
import org.certtrack.Certificate;
import org.certtrack.ConcurrentUpdateException;
import org.certtrack.DatabaseUnavailableException;
import org.certtrack.DatabaseUrl;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.ReadOnlyUnitException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Turns what Hibernate, the driver and the pool throw when a unit of work fails into certtrack's own,
 * clearer exceptions: a lost race into {@link ConcurrentUpdateException}, an unreachable database into
 * {@link DatabaseUnavailableException}. Anything else, including the caller's own exceptions, is
 * returned unchanged.
 */
public final class Failures {

    // PostgreSQL: serialization_failure, deadlock_detected.
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01");
    // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (the server is starting or stopping).
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    // PostgreSQL: read_only_sql_transaction, what a standby answers to a write (and UnitGuards raises on H2).
    private static final String READ_ONLY_TRANSACTION = UnitGuards.READ_ONLY_TRANSACTION;

    // A row points to a parent that is not there: PostgreSQL's foreign_key_violation, H2's "parent missing".
    private static final Set<String> PARENT_MISSING_STATES = Set.of("23503", "23506");
    // The certificates' foreign keys, as the migrations name them.
    private static final String ENGINEER_FOREIGN_KEY = "fk_certificates_engineer_id_engineers";
    private static final String INSTRUCTOR_FOREIGN_KEY = "fk_certificates_instructor_id_instructors";

    private Failures() {
    }

    /**
     * The exception to throw in place of {@code failure} in a read-write unit of work, as
     * {@link #translate(RuntimeException, DataSource, Timeouts.Limits)} makes, and a
     * {@link DatabaseUnavailableException} when the server refused a write because it is read-only
     * ({@code 25006}): a standby that the URL named as the primary, or one not yet promoted.
     */
    public static RuntimeException translateReadWrite(RuntimeException failure, DataSource dataSource, Timeouts.Limits limits) {
        return translateReadWrite(failure, dataSource, limits, null);
    }

    /**
     * As {@link #translateReadWrite(RuntimeException, DataSource, Timeouts.Limits)}, and a
     * {@link ConcurrentUpdateException} naming the engineer or instructor when a certificate's foreign key
     * to it broke: another writer deleted it after the unit read it (a lost race, which a retry sees).
     *
     * @param parents what the unit's certificates point to, to name the deleted row; null when unknown
     */
    public static RuntimeException translateReadWrite(RuntimeException failure, DataSource dataSource, Timeouts.Limits limits,
                                                      UnitGuards.Parents parents) {
        RuntimeException translated = translate(failure, dataSource, limits);
        if (translated != failure) {
            return translated;
        }
        RuntimeException parentGone = parentDeleted(failure, parents);
        if (parentGone != null) {
            return parentGone;
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && READ_ONLY_TRANSACTION.equals(sql.getSQLState())) {
                return new DatabaseUnavailableException("The database is unavailable for writes; nothing was written:"
                        + " the server is read-only (a standby, not the primary): " + describe(sql), failure);
            }
        }
        return failure;
    }

    /**
     * The exception to throw in place of {@code failure} in a read-only unit of work, as
     * {@link #translate(RuntimeException, DataSource, Timeouts.Limits)} makes, and a
     * {@link ReadOnlyUnitException} when the work tried to write ({@code 25006}, from PostgreSQL or from
     * certtrack's guard on H2).
     */
    public static RuntimeException translateReadOnly(RuntimeException failure, DataSource dataSource, Timeouts.Limits limits) {
        RuntimeException translated = translate(failure, dataSource, limits);
        if (translated != failure) {
            return translated;
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && READ_ONLY_TRANSACTION.equals(sql.getSQLState())) {
                return new ReadOnlyUnitException("A read-only unit of work (CertTrack.read, readFromPrimary) tried to write;"
                        + " nothing was written: write in CertTrack.inTransaction", failure);
            }
        }
        return failure;
    }

    /**
     * A {@link ConcurrentUpdateException} naming the parent when {@code failure} is a certificate's foreign key
     * to an engineer or instructor that is not there (PostgreSQL's {@code 23503}, H2's {@code 23506}), known
     * by the constraint's name; null otherwise.
     */
    private static RuntimeException parentDeleted(RuntimeException failure, UnitGuards.Parents parents) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && PARENT_MISSING_STATES.contains(violation.getSQLState())) {
                String constraint = violation.getConstraintName().toLowerCase(Locale.ROOT);
                if (constraint.contains(ENGINEER_FOREIGN_KEY)) {
                    return new ConcurrentUpdateException("Engineer", parents != null ? parents.engineer() : null, failure);
                }
                if (constraint.contains(INSTRUCTOR_FOREIGN_KEY)) {
                    return new ConcurrentUpdateException("Instructor", parents != null ? parents.instructor() : null, failure);
                }
            }
        }
        return null;
    }

    /**
     * {@code repository}, throwing what {@code translator} makes of what Hibernate, the driver and the pool
     * throw, whoever runs the transaction around it (certtrack, Spring, the caller).
     */
    public static <R> R translating(Class<R> type, R repository, UnaryOperator<RuntimeException> translator) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            // A repository is equal only to itself (the same proxy), as an object without equals is.
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == arguments[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "toString":
                        return type.getSimpleName() + " of a unit of work";
                    default:
                        break;
                }
            }
            try {
                return method.invoke(repository, arguments);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw translator.apply(failure);
                }
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /**
     * The exception to throw in place of {@code failure} when the pool and the limits are not known (a
     * repository over a caller's entity manager); {@code failure} itself when there is none better.
     */
    public static RuntimeException translate(RuntimeException failure) {
        return translate(failure, null, Timeouts.Limits.UNKNOWN);
    }

    /**
     * The exception to throw in place of {@code failure}, which a unit of work over {@code dataSource}
     * threw under {@code limits}: a limit hit names the limit, a lost race names the row. {@code failure}
     * itself when there is none better, or when it is certtrack's already.
     *
     * @param dataSource the pool the unit of work took its connection from, to tell a busy pool from an
     *                   unreachable database; null when unknown
     */
    public static RuntimeException translate(RuntimeException failure, DataSource dataSource, Timeouts.Limits limits) {
        // Hibernate's, the driver's or the pool's failure, possibly under a framework's own translation of it.
        if (failure instanceof CertTrackException
                || !hasCause(failure, PersistenceException.class) && !hasCause(failure, SQLException.class)) {
            return failure;
        }
        // A limit hit (query timeout, socket timeout, no pooled connection in time): see Timeouts.
        RuntimeException limitHit = Timeouts.translate(failure, dataSource, limits);
        if (limitHit != null) {
            return limitHit;
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof ConcurrentUpdateException || cause instanceof DatabaseUnavailableException) {
                return (RuntimeException) cause;
            }
            if (cause instanceof StaleObjectStateException stale) {
                return new ConcurrentUpdateException(simpleName(stale.getEntityName()), stale.getIdentifier(), failure);
            }
            if (cause instanceof OptimisticLockException optimistic && optimistic.getEntity() != null) {
                return new ConcurrentUpdateException(optimistic.getEntity().getClass().getSimpleName(),
                        idOf(optimistic.getEntity()), failure);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (CONFLICT_STATES.contains(state)) {
                    return new ConcurrentUpdateException(null, null, failure);
                }
                if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
                    return unavailable(failure, sql);
                }
            }
            if (cause instanceof SQLTransientConnectionException timeout) {
                return unavailable(failure, timeout);
            }
        }
        // A stale row seen only in a batch: Hibernate could not say which entity.
        if (hasCause(failure, StaleStateException.class) || hasCause(failure, OptimisticLockException.class)) {
            return new ConcurrentUpdateException(null, null, failure);
        }
        return failure;
    }

    /**
     * What a read-write unit of work throws when the database became unavailable while it committed, in
     * place of {@code unavailable}: the server may have committed it and lost only the answer, so it may have
     * been written, and must not be redone blindly.
     */
    public static DatabaseUnavailableException commitInDoubt(DatabaseUnavailableException unavailable) {
        Throwable cause = unavailable.getCause() != null ? unavailable.getCause() : unavailable;
        return new DatabaseUnavailableException("The database became unavailable during the commit: the unit of work"
                + " may or may not have been written (look before redoing it)", cause, true);
    }

    private static DatabaseUnavailableException unavailable(RuntimeException failure, SQLException cause) {
        return new DatabaseUnavailableException("The database is unavailable; nothing was written: "
                + describe(cause), failure);
    }

    /**
     * What the driver said, for a message: its text with any password masked, and never the statements of a
     * batch (whose text holds the rows' values): for a failed batch, what failed it, or only its SQLState.
     */
    static String describe(SQLException failure) {
        SQLException said = failure;
        while (said instanceof BatchUpdateException batch) {
            if (batch.getNextException() != null && batch.getNextException() != batch) {
                said = batch.getNextException();
            } else if (batch.getCause() instanceof SQLException cause && cause != batch) {
                said = cause;
            } else {
                return "a batch of statements failed (SQLState " + batch.getSQLState() + ")";
            }
        }
        return DatabaseUrl.mask(said.getMessage());
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The cause after {@code cause}, following a driver's chained SQLExceptions too; null at the end. */
    static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        if (next == null && cause instanceof SQLException sql) {
            next = sql.getNextException();
        }
        return next == cause ? null : next;
    }

    private static Long idOf(Object entity) {
        if (entity instanceof Engineer engineer) {
            return engineer.getId();
        }
        if (entity instanceof Certificate certificate) {
            return certificate.getId();
        }
        return entity instanceof Instructor instructor ? instructor.getId() : null;
    }

    private static String simpleName(String entityName) {
        return entityName == null ? null : entityName.substring(entityName.lastIndexOf('.') + 1);
    }
}
