package org.certtrack;

/**
 * Thrown when the database cannot be reached: at start-up within the builder's
 * {@linkplain CertTrackBuilder#connectionTimeout connection timeout}, or later when it is down or
 * restarting, or stops answering for the {@linkplain CertTrackBuilder#socketTimeout socket timeout}; the
 * message names the limit. (Every connection of a pool busy with other units of work is a
 * {@link PoolExhaustedException} instead: the database is up.) Nothing the unit of work wrote was committed, unless
 * the database became unavailable during the commit itself: then the message says that the unit of work may or
 * may not have been written (the server may have committed and lost only its answer, as in a failover), and
 * redoing it must not write it twice. certtrack needs no restart once the database
 * is back: its connection pool replaces broken connections. The message never contains a password.
 */
public class DatabaseUnavailableException extends CertTrackException {

    private final boolean mayHaveBeenWritten;

    /**
     * An unavailable database that wrote nothing of the unit of work.
     *
     * @param message what could not be reached, with any password masked
     * @param cause   what the driver or the pool threw
     */
    public DatabaseUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param message            what could not be reached, with any password masked
     * @param cause              what the driver or the pool threw
     * @param mayHaveBeenWritten whether the database became unavailable during the commit itself, so that the
     *                           unit of work may have been written
     */
    public DatabaseUnavailableException(String message, Throwable cause, boolean mayHaveBeenWritten) {
        super(message, cause);
        this.mayHaveBeenWritten = mayHaveBeenWritten;
    }

    /**
     * Whether the unit of work may have been written: the database became unavailable during its commit (the
     * server may have committed and lost only its answer). When false, nothing was written and the unit is
     * safe to redo ({@link RetryPolicy#alsoWhenUnavailable()} does).
     */
    public boolean mayHaveBeenWritten() {
        return mayHaveBeenWritten;
    }
}
