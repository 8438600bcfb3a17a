package org.certtrack.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUnavailableException;
import org.certtrack.DatabaseUrl;
import org.certtrack.PoolExhaustedException;
import org.certtrack.TimedOutException;

/**
 * Tells which limit a failed unit of work hit, by exception type and SQLState only: a statement the
 * database cancelled at the query timeout ({@code 57014}), a connection on which the server stopped
 * answering (a {@link SocketTimeoutException} under the driver's exception), and a pool that gave no
 * connection within the connection timeout, either because all its connections were busy (the pool's own
 * counts say so, and no connection attempt failed) or because none could be made.
 */
public final class Timeouts {

    // query_canceled: PostgreSQL's statement_timeout and a JDBC query timeout, H2's query timeout.
    private static final String QUERY_CANCELED = "57014";

    // invalid_authorization_specification, and 28P01 invalid_password under it.
    private static final String INVALID_AUTHORIZATION = "28";

    private Timeouts() {
    }

    /**
     * The limits a unit of work ran under, as far as certtrack knows them (null where it does not).
     *
     * @param poolSize          the pool's maximum size
     * @param connectionTimeout the longest wait for a pooled connection
     * @param socketTimeout     the longest wait for any answer from the server
     * @param queryTimeout      the longest a statement may run
     * @param names             what the host calls these settings, for messages
     */
    public record Limits(Integer poolSize, Duration connectionTimeout, Duration socketTimeout, Duration queryTimeout,
                         SettingNames names) {

        /** Nothing known: a repository over a caller's entity manager. */
        public static final Limits UNKNOWN = new Limits(null, null, null, null);

        /** Limits set through certtrack's builder, named as its methods are. */
        public Limits(Integer poolSize, Duration connectionTimeout, Duration socketTimeout, Duration queryTimeout) {
            this(poolSize, connectionTimeout, socketTimeout, queryTimeout, SettingNames.BUILDER);
        }

        /** What a HikariCP data source says of its own limits (the Spring Boot default); nothing for others. */
        public static Limits of(DataSource dataSource, Duration queryTimeout) {
            return of(dataSource, queryTimeout, SettingNames.BUILDER);
        }

        /** As {@link #of(DataSource, Duration)}, with the settings named as the host names them. */
        public static Limits of(DataSource dataSource, Duration queryTimeout, SettingNames names) {
            if (dataSource instanceof HikariDataSource hikari) {
                String socketSeconds = hikari.getDataSourceProperties().getProperty("socketTimeout");
                return new Limits(hikari.getMaximumPoolSize(), Duration.ofMillis(hikari.getConnectionTimeout()),
                        socketSeconds != null && socketSeconds.strip().matches("[0-9]{1,9}")
                                ? Duration.ofSeconds(Long.parseLong(socketSeconds.strip())) : null, queryTimeout, names);
            }
            return new Limits(null, null, null, queryTimeout, names);
        }
    }

    /**
     * What a host calls the settings behind certtrack's limits: the builder's methods
     * ({@code connectionTimeout}) or a framework's properties ({@code spring.datasource.hikari.connection-timeout}).
     *
     * @param poolSize          the pool's maximum size
     * @param connectionTimeout the wait for a pooled connection
     * @param socketTimeout     the wait for any answer from the server
     * @param queryTimeout      the longest a statement may run
     * @param properties        whether these are property keys, shown as {@code key=value}, rather than
     *                          builder methods, shown as {@code method (value)}
     */
    public record SettingNames(String poolSize, String connectionTimeout, String socketTimeout, String queryTimeout,
                               boolean properties) {

        /** certtrack's builder methods. */
        public static final SettingNames BUILDER = new SettingNames("maximumPoolSize", "connectionTimeout",
                "socketTimeout", "queryTimeout", false);

        /**
         * The setting and its value, as this host writes them: {@code connectionTimeout (1000 ms)}, or a
         * property in the unit it takes, {@code spring.datasource.hikari.connection-timeout=1000}.
         */
        String describe(String setting, Duration value, boolean inSeconds) {
            if (!properties) {
                return setting + " (" + Timeouts.describe(value) + ")";
            }
            if (value == null) {
                return setting + " (not set)";
            }
            return setting + "=" + (inSeconds ? value.toSeconds() : value.toMillis());
        }
    }

    /**
     * certtrack's exception for a {@code failure} that hit a limit, or null when it hit none.
     *
     * @param dataSource the pool the unit of work took its connection from, to tell a busy pool from an
     *                   unreachable database; null when unknown
     */
    public static CertTrackException translate(Throwable failure, DataSource dataSource, Limits limits) {
        // First the pool's timeout: a connection attempt that timed out also has a SocketTimeoutException under it.
        for (Throwable cause = failure; cause != null; cause = Failures.next(cause)) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                if (connectionFailure(timeout) == null && allConnectionsBusy(dataSource)) {
                    int size = ((HikariDataSource) dataSource).getMaximumPoolSize();
                    SettingNames names = limits.names();
                    return names.properties()
                            ? new PoolExhaustedException(size, limits.connectionTimeout(), names.poolSize() + "=" + size,
                                    names.describe(names.connectionTimeout(), limits.connectionTimeout(), false), failure)
                            : new PoolExhaustedException(size, limits.connectionTimeout(), failure);
                }
                SQLException reason = connectionFailure(timeout);
                if (reason != null && reason.getSQLState() != null && reason.getSQLState().startsWith(INVALID_AUTHORIZATION)) {
                    // Not a database that is away: waiting or retrying will not help until the credentials change.
                    return new CertTrackException("The database refused certtrack's credentials (SQLState " + reason.getSQLState()
                            + ": wrong password, or a role that may not log in); nothing was written: "
                            + DatabaseUrl.mask(reason.getMessage()), failure);
                }
                return new DatabaseUnavailableException("The database is unavailable; nothing was written: no connection"
                        + " within " + limits.names().describe(limits.names().connectionTimeout(), limits.connectionTimeout(), false)
                        + (reason == null ? "" : ": " + Failures.describe(reason)), failure);
            }
        }
        for (Throwable cause = failure; cause != null; cause = Failures.next(cause)) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return new TimedOutException("queryTimeout", limits.queryTimeout(),
                        "The database cancelled a statement that ran longer than "
                                + limits.names().describe(limits.names().queryTimeout(), limits.queryTimeout(), false) + "; nothing was written", failure);
            }
            if (cause instanceof SocketTimeoutException) {
                return new DatabaseUnavailableException("The database is unavailable; nothing was written: it sent no"
                        + " answer within " + limits.names().describe(limits.names().socketTimeout(), limits.socketTimeout(), true)
                        + ", so the driver closed the connection", failure);
            }
        }
        return null;
    }

    /** The failed connection attempt the pool reports under its timeout (HikariCP makes it the cause), if any. */
    private static SQLException connectionFailure(SQLTransientConnectionException timeout) {
        for (Throwable cause = timeout.getCause(); cause != null; cause = Failures.next(cause)) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Whether every connection of the pool is checked out, by the pool's own counts. */
    private static boolean allConnectionsBusy(DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource hikari) || hikari.isClosed()) {
            return false;
        }
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        return pool != null && pool.getActiveConnections() >= hikari.getMaximumPoolSize();
    }

    /**
     * {@code translated}, unless it blames {@code queryTimeout} for a statement the database cancelled before
     * that much time had passed since the unit of work began (at {@code startedNanos}): then the database's
     * own limit ({@code statement_timeout} of the role or database) or a cancel request
     * ({@code pg_cancel_backend}) stopped it, and the exception says so.
     */
    public static RuntimeException cancelledBefore(RuntimeException translated, long startedNanos, Limits limits) {
        if (!(translated instanceof TimedOutException timedOut) || !"queryTimeout".equals(timedOut.limit())
                || limits.queryTimeout() == null) {
            return translated;
        }
        Duration ran = Duration.ofNanos(System.nanoTime() - startedNanos);
        if (ran.compareTo(limits.queryTimeout()) >= 0) {
            return translated;
        }
        return new CertTrackException("The database cancelled a statement " + ran.toMillis() + " ms into the unit of work,"
                + " before queryTimeout (" + describe(limits.queryTimeout()) + ") could elapse: a limit of the database's"
                + " own (statement_timeout for the role or database, H2's QUERY_TIMEOUT) or a cancel request from another"
                + " session (pg_cancel_backend) stopped it; nothing was written", translated.getCause());
    }

    static String describe(Duration limit) {
        if (limit == null) {
            return "as configured";
        }
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
