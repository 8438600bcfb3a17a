package org.certtrack;

import java.time.Duration;

/**
 * Thrown when every connection of the pool stayed in use by other units of work for the whole
 * {@linkplain CertTrackBuilder#connectionTimeout connection timeout}: the database is up, but more units
 * of work ran at once (or for longer) than the {@linkplain CertTrackBuilder#maximumPoolSize pool size}
 * allows. Nothing was written. Raise {@code maximumPoolSize} or {@code connectionTimeout}, or shorten the
 * units of work; a database that cannot be reached is a {@link DatabaseUnavailableException} instead.
 */
public class PoolExhaustedException extends TimedOutException {

    private final int poolSize;

    /**
     * @param poolSize          the pool's maximum size, all of it in use
     * @param connectionTimeout how long the unit of work waited for a connection, or null if unknown
     * @param cause             what the pool threw
     */
    public PoolExhaustedException(int poolSize, Duration connectionTimeout, Throwable cause) {
        super("connectionTimeout", connectionTimeout, "All " + poolSize + " connections of the pool (maximumPoolSize "
                + poolSize + ") stayed in use by other units of work for connectionTimeout ("
                + (connectionTimeout == null ? "the pool's" : connectionTimeout.toMillis() + " ms")
                + "): the database is up, but more units of work ran at once than the pool holds; nothing was written."
                + " Raise maximumPoolSize or connectionTimeout, or shorten the units of work.", cause);
        this.poolSize = poolSize;
    }

    /** The pool's maximum size, which was all in use. */
    public int poolSize() {
        return poolSize;
    }
}
