package org.certtrack.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;

import org.certtrack.DatabaseUnavailableException;
import org.certtrack.DatabaseUrl;

/** The connection pools certtrack opens itself, for a URL the host gave instead of a {@code DataSource}. */
public final class Pools {

    private Pools() {
    }

    /**
     * A HikariCP pool of at most {@code size} connections to {@code target}, connected before it is
     * returned.
     *
     * @throws DatabaseUnavailableException if no connection can be made within {@code connectionTimeout}
     *                                      (the message masks any password)
     * @throws org.certtrack.CertTrackException if no JDBC driver on the classpath accepts the URL: the message
     *                                      names the artifact to add
     */
    public static HikariDataSource open(String name, DatabaseUrl target, int size, Duration connectionTimeout) {
        return open(name, target, size, connectionTimeout, defaultValidationTimeout(connectionTimeout), DEFAULT_SOCKET_TIMEOUT);
    }

    /** The longest certtrack waits for any answer from a PostgreSQL server, unless told otherwise. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(120);

    /**
     * How long the pool may spend checking that an idle connection still works, unless told otherwise: half
     * the connection timeout, at most 5 s (HikariCP's default), at least 250 ms (its minimum; PostgreSQL's
     * driver checks in whole seconds, so at least 1 s there).
     */
    public static Duration defaultValidationTimeout(Duration connectionTimeout) {
        Duration half = connectionTimeout.dividedBy(2);
        Duration capped = half.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : half;
        return capped.compareTo(Duration.ofMillis(250)) < 0 ? Duration.ofMillis(250) : capped;
    }

    /**
     * A pool as {@link #open(String, DatabaseUrl, int, Duration)} makes, with every wait bounded: for a
     * connection from the pool ({@code connectionTimeout}), for a new connection to be made (the driver's
     * connect and login timeouts, and the connection that cancels a statement at its query timeout: the same), for a check of an idle one ({@code validationTimeout}) and,
     * on PostgreSQL, for any answer from the server ({@code socketTimeout}, whole seconds, rounded up).
     */
    public static HikariDataSource open(String name, DatabaseUrl target, int size, Duration connectionTimeout,
                                        Duration validationTimeout, Duration socketTimeout) {
        // Writes and migrations go to the primary alone: of several servers, pgjdbc connects only to the one
        // that is not in recovery, whatever the URL asked for.
        DatabaseUrl primary = target.isMultiHost() ? target.withParameter("targetServerType", "primary") : target;
        return open(config(name, primary, size, connectionTimeout, validationTimeout, socketTimeout), primary, connectionTimeout);
    }

    /**
     * A pool for read-only units of work over the servers of a multi-host URL: as {@link #open(String,
     * DatabaseUrl, int, Duration, Duration, Duration)} makes, on a standby when one is up and on the primary
     * otherwise ({@code targetServerType=preferSecondary}, unless the URL names another), spread over the
     * standbys ({@code loadBalanceHosts=true} unless the URL says otherwise). Its connections are renewed
     * every {@link #READ_CONNECTION_LIFETIME}, so that reads that fell back to the primary while a standby
     * was down go back to it.
     */
    public static HikariDataSource openForReads(String name, DatabaseUrl target, int size, Duration connectionTimeout,
                                                Duration validationTimeout, Duration socketTimeout) {
        DatabaseUrl standbys = target;
        if (target.parameter("targetServerType") == null) {
            standbys = standbys.withParameter("targetServerType", "preferSecondary");
        }
        if (target.parameter("loadBalanceHosts") == null) {
            standbys = standbys.withParameter("loadBalanceHosts", "true");
        }
        HikariConfig config = config(name, standbys, size, connectionTimeout, validationTimeout, socketTimeout);
        config.setMaxLifetime(READ_CONNECTION_LIFETIME.toMillis());
        return open(config, standbys, connectionTimeout);
    }

    /** How long a connection of the {@linkplain #openForReads read pool} lives before the pool replaces it. */
    public static final Duration READ_CONNECTION_LIFETIME = Duration.ofMinutes(5);

    private static HikariConfig config(String name, DatabaseUrl target, int size, Duration connectionTimeout,
                                       Duration validationTimeout, Duration socketTimeout) {
        Drivers.require(target.jdbcUrl());
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.username());
        config.setPassword(target.password());
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setInitializationFailTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(validationTimeout.toMillis());
        if (target.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // Without these, a server that accepts the TCP connection but never answers (overloaded,
            // half-started, a proxy in front of a dead database) blocks the connection attempt, and with
            // it start-up, forever: the pool's own timeout only covers waiting for a pooled connection.
            // Strings: the driver reads its properties with Properties.getProperty, which ignores other types.
            long seconds = Math.max(1, (connectionTimeout.toMillis() + 999) / 1000);
            config.addDataSourceProperty("connectTimeout", String.valueOf(seconds));
            config.addDataSourceProperty("loginTimeout", String.valueOf(seconds));
            // Cancelling a statement at the query timeout opens a connection of its own to the server, and the
            // statement waits for it (10 s by default): bound it as any other new connection.
            config.addDataSourceProperty("cancelSignalTimeout", String.valueOf(seconds));
            // A server that stops answering in the middle of a statement (a silent network, a hung host)
            // otherwise blocks the unit of work until the operating system gives up on TCP, hours later.
            config.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(1, (socketTimeout.toMillis() + 999) / 1000)));
            if (!target.jdbcUrl().contains("reWriteBatchedInserts")) {
                // pgjdbc then sends each batch of inserts as multi-row INSERTs: one round trip instead of
                // one per row, which is what makes Hibernate's insert batching pay off on PostgreSQL.
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
            }
        }
        return config;
    }

    private static HikariDataSource open(HikariConfig config, DatabaseUrl target, Duration connectionTimeout) {
        long started = System.nanoTime();
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
            // pgjdbc counts its connect and login timeouts in whole seconds (at least 1), and HikariCP lets an
            // attempt under way finish: against a server that accepts but never answers, start-up waits longer
            // than connectionTimeout. Say how long it really waited rather than claim the bound held.
            String overrun = waited > connectionTimeout.toMillis() ? " (start-up gave up after " + waited + " ms: the"
                    + " driver's connect and login timeouts are whole seconds, at least 1 s, and an attempt under way"
                    + " is let finish)" : "";
            throw new DatabaseUnavailableException("Could not connect to " + target + " within connectionTimeout ("
                    + connectionTimeout.toMillis() + " ms)" + overrun + ": " + DatabaseUrl.mask(rootMessage(e)), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
