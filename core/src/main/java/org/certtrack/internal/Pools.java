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
        Drivers.require(target.jdbcUrl());
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.username());
        config.setPassword(target.password());
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setInitializationFailTimeout(connectionTimeout.toMillis());
        if (target.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // Without these, a server that accepts the TCP connection but never answers (overloaded,
            // half-started, a proxy in front of a dead database) blocks the connection attempt, and with
            // it start-up, forever: the pool's own timeout only covers waiting for a pooled connection.
            // Strings: the driver reads its properties with Properties.getProperty, which ignores other types.
            long seconds = Math.max(1, (connectionTimeout.toMillis() + 999) / 1000);
            config.addDataSourceProperty("connectTimeout", String.valueOf(seconds));
            config.addDataSourceProperty("loginTimeout", String.valueOf(seconds));
            if (!target.jdbcUrl().contains("reWriteBatchedInserts")) {
                // pgjdbc then sends each batch of inserts as multi-row INSERTs: one round trip instead of
                // one per row, which is what makes Hibernate's insert batching pay off on PostgreSQL.
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
            }
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("Could not connect to " + target + " within "
                    + connectionTimeout.toMillis() + " ms: " + DatabaseUrl.mask(rootMessage(e)), e);
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
