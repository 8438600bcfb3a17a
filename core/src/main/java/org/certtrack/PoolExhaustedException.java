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
        this(poolSize, connectionTimeout, "maximumPoolSize " + poolSize, "connectionTimeout ("
                + (connectionTimeout == null ? "the pool's" : connectionTimeout.toMillis() + " ms") + ")",
                "maximumPoolSize or connectionTimeout", cause);
    }

    /**
     * An exhausted pool whose limits the host sets under other names than certtrack's builder's, such as
     * Spring Boot's {@code spring.datasource.hikari.*} properties.
     *
     * @param poolSize          the pool's maximum size, all of it in use
     * @param connectionTimeout how long the unit of work waited for a connection, or null if unknown
     * @param poolSizeSetting   the setting and value of the pool's size, as the host names it
     *                          ({@code spring.datasource.hikari.maximum-pool-size=4})
     * @param timeoutSetting    the setting and value of the wait, as the host names it
     * @param cause             what the pool threw
     */
    public PoolExhaustedException(int poolSize, Duration connectionTimeout, String poolSizeSetting,
                                  String timeoutSetting, Throwable cause) {
        this(poolSize, connectionTimeout, poolSizeSetting, timeoutSetting,
                settingName(poolSizeSetting) + " or " + settingName(timeoutSetting), cause);
    }

    private PoolExhaustedException(int poolSize, Duration connectionTimeout, String poolSizeSetting,
                                   String timeoutSetting, String toRaise, Throwable cause) {
        super("connectionTimeout", connectionTimeout, "All " + poolSize + " connections of the pool (" + poolSizeSetting
                + ") stayed in use by other units of work for " + timeoutSetting
                + ": the database is up, but more units of work ran at once than the pool holds; nothing was written."
                + " Raise " + toRaise + ", or shorten the units of work.", cause);
        this.poolSize = poolSize;
    }

    private static String settingName(String setting) {
        int end = setting.indexOf('=');
        return end < 0 ? setting : setting.substring(0, end);
    }

    /** The pool's maximum size, which was all in use. */
    public int poolSize() {
        return poolSize;
    }
}
