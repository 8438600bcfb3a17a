package org.certtrack.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;

import org.certtrack.DatabaseUnavailableException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the connections of certtrack's own pools that a failover made wrong, instead of letting each one fail
 * a unit of work in turn.
 *
 * <p>HikariCP hands out a connection used within the last 500 ms without checking it, so in a busy pool every
 * connection to a server that went away fails one unit of work before the pool replaces it: one failure per
 * pooled connection, not one per failover. And a read pool that fell back to the primary while no standby was
 * up would otherwise stay there until its connections' lifetime ends.
 */
public final class Evictions {

    /**
     * How long a connection of the read pool may stay on a primary (PostgreSQL's {@code in_hot_standby} is
     * {@code off}: no standby was up when it was made, or its server was promoted) before it is replaced on
     * its next return to the pool, so that reads go back to a standby that is up again.
     */
    public static final Duration READ_ON_PRIMARY_LIFETIME = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(Evictions.class);

    // The driver's connections (not the pool's proxies) found on a primary, with when that was first seen.
    private static final Map<Object, Long> ON_PRIMARY_SINCE = Collections.synchronizedMap(new WeakHashMap<>());

    private Evictions() {
    }

    /**
     * After a unit of work on {@code pool} failed with {@code translated} (certtrack's exception for it):
     * when that says the server is unavailable (a broken connection, a server shutting down, a socket
     * timeout, a read-only server where the primary was expected), the pool's other connections are most
     * likely to that server too, so they are all evicted at once: the idle ones now, the ones in use when
     * they come back. HikariCP cannot tell which server a connection is on, so a read pool spread over several
     * standbys reconnects to the healthy ones too (a new connection each, a few milliseconds).
     *
     * <p>When the pool that failed is the write pool, the read pool's connections go too: a read pool with no
     * standby up falls back to the primary, so its connections may be to the server that just went away, and
     * the first read after a failover would otherwise take one of them.
     *
     * @param pool     the pool certtrack owns that the unit of work used; null (a caller's pool, never touched)
     *                 is ignored
     * @param readPool certtrack's read pool, or null when there is none
     */
    public static void afterFailure(HikariDataSource pool, HikariDataSource readPool, RuntimeException translated) {
        afterFailure(pool, translated);
        if (pool != null && pool != readPool && readPool != null) {
            afterFailure(readPool, translated);
        }
    }

    private static void afterFailure(HikariDataSource pool, RuntimeException translated) {
        if (pool == null || !(translated instanceof DatabaseUnavailableException) || pool.isClosed()) {
            return;
        }
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean != null) {
            log.debug("{}: a connection failed ({}); evicting the pool's other connections", pool.getPoolName(),
                    translated.getClass().getSimpleName());
            bean.softEvictConnections();
        }
    }

    /**
     * Hands {@code connection} of a read-only unit of work back with {@code release}, and, if it has been seen on
     * a primary for {@link #READ_ON_PRIMARY_LIFETIME}, evicts every connection of the read pool {@code readPool},
     * so that the pool makes new ones, on a standby when one is up (while none is, the pool reconnects to the
     * primary once per lifetime). Costs no round trip: PostgreSQL 14 and later
     * report {@code in_hot_standby} to the driver at connection and when a promote changes it. On older
     * servers, connections stay for the read pool's lifetime.
     *
     * @param readPool the read pool certtrack owns; null (no read pool: the connection is the write pool's or
     *                 a caller's) only releases
     */
    public static void releaseRead(HikariDataSource readPool, Connection connection, Consumer<Connection> release) {
        releaseRead(readPool, connection, release, READ_ON_PRIMARY_LIFETIME);
    }

    /** {@link #releaseRead(HikariDataSource, Connection, Consumer)} with a lifetime on a primary of {@code onPrimary}: for tests. */
    public static void releaseRead(HikariDataSource readPool, Connection connection, Consumer<Connection> release,
                                   Duration onPrimary) {
        boolean replace = readPool != null && onPrimaryTooLong(connection, onPrimary);
        release.accept(connection);
        if (replace && !readPool.isClosed()) {
            log.debug("{}: a read connection has been on a primary for {}; replacing the pool's connections",
                    readPool.getPoolName(), onPrimary);
            // All of them, not only this one: the others are most likely on the primary too, and a pool used by
            // one thread at a time would otherwise hand out the next one for another full lifetime on it. Idle
            // connections (this one is back already) close now, busy ones when they come back.
            HikariPoolMXBean bean = readPool.getHikariPoolMXBean();
            if (bean != null) {
                bean.softEvictConnections();
            }
        }
    }

    private static boolean onPrimaryTooLong(Connection connection, Duration onPrimary) {
        try {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return false;
            }
            PGConnection driverConnection = connection.unwrap(PGConnection.class);
            if (!"off".equals(driverConnection.getParameterStatus("in_hot_standby"))) {
                ON_PRIMARY_SINCE.remove(driverConnection);
                return false;
            }
            long now = System.nanoTime();
            long since = ON_PRIMARY_SINCE.computeIfAbsent(driverConnection, ignored -> now);
            if (now - since < onPrimary.toNanos()) {
                return false;
            }
            ON_PRIMARY_SINCE.remove(driverConnection);
            return true;
        } catch (SQLException e) {
            // A connection that cannot be unwrapped stays for its lifetime.
            log.debug("could not tell where a read connection is: {}", e.toString());
            return false;
        }
    }
}
