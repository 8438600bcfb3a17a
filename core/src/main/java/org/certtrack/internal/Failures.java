package org.certtrack.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;

import org.certtrack.Certificate;
import org.certtrack.ConcurrentUpdateException;
import org.certtrack.DatabaseUnavailableException;
import org.certtrack.DatabaseUrl;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.hibernate.HibernateException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

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

    private static final String NO_GENERATED_VALUES = "The database returned no natively generated values :";

    private Failures() {
    }

    /**
     * The exception to throw in place of {@code failure}, which the unit of work over {@code entityManager}
     * (still open, its transaction rolled back) threw; {@code failure} itself when there is none better.
     */
    public static RuntimeException translate(RuntimeException failure, EntityManager entityManager) {
        String staleWithGeneratedValues = staleEntityWithGeneratedValues(failure);
        if (staleWithGeneratedValues != null) {
            return new ConcurrentUpdateException(simpleName(staleWithGeneratedValues),
                    staleId(entityManager, staleWithGeneratedValues), failure);
        }
        return translate(failure);
    }

    /**
     * {@code repository}, throwing certtrack's exceptions in place of what Hibernate, the driver and the pool
     * throw, whoever runs the transaction around it (certtrack, Spring, the caller).
     */
    public static <R> R translating(Class<R> type, R repository, EntityManager entityManager) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            try {
                return method.invoke(repository, arguments);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw translate(failure, entityManager);
                }
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /**
     * The exception to throw in place of {@code failure} when no entity manager is at hand (a transaction
     * that could not begin, a commit that failed); {@code failure} itself when there is none better.
     */
    public static RuntimeException translate(RuntimeException failure) {
        if (!(failure instanceof PersistenceException) && !hasCause(failure, SQLException.class)) {
            return failure;
        }
        // A limit hit (query timeout, socket timeout, no pooled connection in time): see Timeouts.
        RuntimeException limitHit = Timeouts.translate(failure, null, Timeouts.Limits.UNKNOWN);
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
     * Hibernate reads the database-generated {@code updated_at} back in the UPDATE itself ({@code RETURNING}
     * on PostgreSQL, generated keys on H2). When the version check makes that UPDATE match no row, it
     * reports "no natively generated values" instead of a stale row, naming the entity but not the id.
     * Returns that entity name, or null for any other failure.
     */
    private static String staleEntityWithGeneratedValues(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            String message = cause.getMessage();
            if (cause instanceof HibernateException && message != null && message.startsWith(NO_GENERATED_VALUES)) {
                return message.substring(NO_GENERATED_VALUES.length()).strip();
            }
        }
        return null;
    }

    /** The id of a managed {@code entityName} whose row is gone or at another version than was read. */
    private static Object staleId(EntityManager entityManager, String entityName) {
        try {
            SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
            try (EntityManager fresh = entityManager.getEntityManagerFactory().createEntityManager()) {
                for (var entry : session.getPersistenceContextInternal().reentrantSafeEntityEntries()) {
                    EntityEntry entity = entry.getValue();
                    if (!entity.getPersister().getEntityName().equals(entityName) || entity.getVersion() == null) {
                        continue;
                    }
                    List<?> versions = fresh.createQuery("select version(e) from " + simpleName(entityName)
                                    + " e where e.id = :id")
                            .setParameter("id", entity.getId())
                            .getResultList();
                    if (versions.isEmpty() || !versions.get(0).equals(entity.getVersion())) {
                        return entity.getId();
                    }
                }
            }
        } catch (RuntimeException lookupFailed) {
            // Then the conflict is reported without its id: still a conflict, and still nothing written.
            return null;
        }
        return null;
    }

    private static DatabaseUnavailableException unavailable(RuntimeException failure, SQLException cause) {
        return new DatabaseUnavailableException("The database is unavailable; nothing was written: "
                + DatabaseUrl.mask(cause.getMessage()), failure);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
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
