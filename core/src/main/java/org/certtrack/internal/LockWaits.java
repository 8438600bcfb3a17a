package org.certtrack.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.certtrack.TimedOutException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Bounds how long certtrack's migrations wait for a lock on PostgreSQL, and says who held it when they gave up.
 *
 * <p>A migration's DDL needs a strong lock on its table ({@code ACCESS EXCLUSIVE} for most {@code ALTER
 * TABLE}, {@code SHARE} for a plain {@code CREATE INDEX}). Behind another application's open transaction it
 * waits, and every other session's query on that table queues behind the waiting migration, so a shared
 * database stalls for as long as that transaction lasts. With {@code lock_timeout} set on the connections
 * Flyway migrates through, the migration gives up instead (SQLState {@value #LOCK_NOT_AVAILABLE}), its
 * transaction rolls back, and the queue behind it drains.
 */
public final class LockWaits {

    /** lock_not_available: PostgreSQL's {@code lock_timeout} ran out (also {@code NOWAIT}). */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final String SESSIONS_HOLDING_LOCKS = "SELECT a.pid, a.application_name, a.usename, a.state,"
            + " EXTRACT(EPOCH FROM now() - a.xact_start)::bigint,"
            + " string_agg(DISTINCT c.relname || ' (' || l.mode || ')', ', ')"
            + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_class c ON c.oid = l.relation"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.granted AND l.pid <> pg_backend_pid() AND n.nspname = current_schema()"
            + " AND c.relname IN ('instructors', 'engineers', 'certificates')"
            + " GROUP BY a.pid, a.application_name, a.usename, a.state, a.xact_start"
            + " ORDER BY a.xact_start NULLS LAST LIMIT 5";

    private LockWaits() {
    }

    /**
     * Makes {@code flyway} migrate PostgreSQL through {@code dataSource} {@linkplain #bounded bounded} by
     * {@code lockTimeout}, holding its advisory lock (which keeps two instances from migrating at once) for
     * the session rather than in a transaction of its own. Flyway's default, a transaction-scoped lock,
     * keeps a transaction open on its second connection for the whole run, and {@code CREATE INDEX
     * CONCURRENTLY} waits for every open transaction to end: it would wait for Flyway itself, forever
     * without a lock timeout and until it with one.
     */
    public static void configure(FluentConfiguration flyway, DataSource dataSource, Duration lockTimeout) {
        flyway.dataSource(bounded(dataSource, lockTimeout));
        flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    }

    /**
     * Deletes from {@code flyway}'s history the failed attempts of migrations, so that they run again, and
     * returns their versions. On PostgreSQL only a script that Flyway runs outside a transaction
     * ({@code executeInTransaction=false}) leaves one: whatever fails in a transaction is rolled back with
     * its history row. certtrack's such scripts may only do what can be done again (README, "Contributing:
     * migrations", which {@code MigrationRulesTest} enforces): drop an index concurrently if it exists,
     * build it concurrently, validate a constraint. Without this, Flyway refuses every later start-up
     * ("Detected failed migration") until someone deletes the row by hand.
     *
     * @param historyTable the history table, in the schema Flyway migrates
     */
    public static List<String> forgetFailedAttempts(Flyway flyway, DataSource dataSource, String historyTable)
            throws SQLException {
        List<String> failed = Arrays.stream(flyway.info().all())
                .filter(migration -> migration.getState() == MigrationState.FAILED && migration.getVersion() != null)
                .map(migration -> migration.getVersion().getVersion())
                .toList();
        if (failed.isEmpty()) {
            return failed;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM \"" + historyTable + "\" WHERE \"success\" = FALSE AND \"version\" = ?")) {
            for (String version : failed) {
                delete.setString(1, version);
                delete.executeUpdate();
            }
        }
        return failed;
    }

    /**
     * {@code dataSource}, whose connections wait at most {@code lockTimeout} for any lock: each one it hands
     * out has {@code SET lock_timeout} run on it, and {@code RESET lock_timeout} when it is closed, so that a
     * pooled connection goes back to the pool as it came. For PostgreSQL only.
     */
    public static DataSource bounded(DataSource dataSource, Duration lockTimeout) {
        return new BoundedDataSource(dataSource, lockTimeout.toMillis());
    }

    /**
     * A {@link TimedOutException} naming {@code lockTimeout} and the sessions that held locks on certtrack's
     * tables, if {@code failure} was a lock wait that ran out; null otherwise.
     *
     * @param dataSource where to read the sessions, on a short connection of its own
     * @param afterwards what became of the schema, for the message (for example "it stays at version 6")
     */
    public static TimedOutException timedOut(Throwable failure, DataSource dataSource, Duration lockTimeout,
                                             String afterwards) {
        if (!lockTimeoutRanOut(failure)) {
            return null;
        }
        return new TimedOutException("lockTimeout", lockTimeout, "certtrack's migration waited longer than lockTimeout ("
                + Timeouts.describe(lockTimeout) + ") for a lock on its tables and was rolled back; " + afterwards
                + ". " + holders(dataSource) + " End or wait for that transaction, or raise lockTimeout; the next"
                + " start-up migrates again", failure);
    }

    static boolean lockTimeoutRanOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = Failures.next(cause)) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sessions holding locks on certtrack's tables now, in words: pid, application name, user, state and
     * how long their transaction has been open (never their SQL, which may hold secrets). The migration's own
     * wait has ended, so {@code pg_blocking_pids} no longer names them: these are the candidates.
     */
    private static String holders(DataSource dataSource) {
        List<String> sessions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SESSIONS_HOLDING_LOCKS)) {
            statement.setQueryTimeout(5);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long age = rows.getLong(5);
                    boolean noTransaction = rows.wasNull();
                    String state = rows.getString(4);
                    sessions.add("pid " + rows.getInt(1) + " (application_name '" + rows.getString(2) + "', user "
                            + rows.getString(3) + ", " + (state == null ? "state hidden: reading it needs pg_read_all_stats" : state)
                            + (noTransaction ? "" : ", transaction open " + age + " s") + ", holding " + rows.getString(6) + ")");
                }
            }
        } catch (SQLException e) {
            return "Could not read which sessions held the locks (" + e.getSQLState() + ").";
        }
        if (sessions.isEmpty()) {
            return "No session holds a lock on certtrack's tables any more.";
        }
        return "Sessions holding locks on certtrack's tables: " + String.join("; ", sessions) + ".";
    }

    /** A data source whose connections wait at most {@code lockTimeoutMillis} for a lock, until closed. */
    private record BoundedDataSource(DataSource dataSource, long lockTimeoutMillis) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return bounded(dataSource.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return bounded(dataSource.getConnection(username, password));
        }

        private Connection bounded(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET lock_timeout = " + lockTimeoutMillis);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            InvocationHandler handler = (proxy, method, arguments) -> {
                if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
                    restore(connection);
                }
                try {
                    return method.invoke(connection, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(LockWaits.class.getClassLoader(), new Class<?>[] {Connection.class},
                    handler);
        }

        /** Puts {@code lock_timeout} back as the connection had it when it was opened. */
        private static void restore(Connection connection) {
            try (Statement statement = connection.createStatement()) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                statement.execute("RESET lock_timeout");
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException e) {
                // A broken connection: the pool discards it, and the setting with it.
            }
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return dataSource.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            dataSource.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            dataSource.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return dataSource.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return dataSource.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return dataSource.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return dataSource.isWrapperFor(type);
        }
    }
}
