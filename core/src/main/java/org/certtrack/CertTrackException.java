package org.certtrack;

/**
 * The root of every exception certtrack throws on purpose, so that one {@code catch} handles them all:
 * rejected input ({@link InvalidValueException}, {@link UnknownIdException}), lost races
 * ({@link ConcurrentUpdateException}), limits hit ({@link TimedOutException}, {@link PoolExhaustedException}),
 * an unreachable database ({@link DatabaseUnavailableException}), and, as a plain {@code CertTrackException},
 * a database that cannot be migrated or whose schema does not match the migrations. A programming error
 * (a null argument, a repository's {@code add} in a read-only unit) stays a {@link NullPointerException} or
 * {@link IllegalStateException}, as in the JDK. Messages never contain a password.
 */
public class CertTrackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public CertTrackException(String message) {
        super(message);
    }

    /** An exception with this message and the failure that caused it. */
    public CertTrackException(String message, Throwable cause) {
        super(message, cause);
    }
}
