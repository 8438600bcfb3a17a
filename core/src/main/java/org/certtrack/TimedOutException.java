package org.certtrack;

import java.time.Duration;

/**
 * Thrown when a unit of work waited as long as one of certtrack's limits allows while the database itself
 * answered: a statement ran longer than the {@linkplain CertTrackBuilder#queryTimeout query timeout} and
 * the database cancelled it, or (as {@link PoolExhaustedException}) every pooled connection stayed busy for
 * the {@linkplain CertTrackBuilder#connectionTimeout connection timeout}. Nothing the unit of work wrote
 * was committed. At start-up, a migration that waited the {@linkplain CertTrackBuilder#lockTimeout lock
 * timeout} for a lock on certtrack's tables (PostgreSQL) is rolled back and fails with one too. {@link #limit()} names the setting; the message says its value.
 *
 * <p>A database that cannot be reached or stops answering is a {@link DatabaseUnavailableException}
 * instead, whose message names the limit it hit ({@code connectionTimeout} or {@code socketTimeout}).
 */
public class TimedOutException extends CertTrackException {

    private final String limit;
    private final Duration timeout;

    /**
     * @param limit   the builder setting whose limit was hit, for example {@code queryTimeout}
     * @param timeout its value, or null when the host did not say (a caller's own data source)
     * @param message what waited too long, naming the limit and its value
     * @param cause   what the driver or the pool threw
     */
    public TimedOutException(String limit, Duration timeout, String message, Throwable cause) {
        super(message, cause);
        this.limit = limit;
        this.timeout = timeout;
    }

    /** The builder setting whose limit was hit: {@code queryTimeout}, {@code connectionTimeout} or {@code lockTimeout}. */
    public String limit() {
        return limit;
    }

    /** The limit's value, or null when certtrack does not know it (a caller's own data source). */
    public Duration timeout() {
        return timeout;
    }
}
