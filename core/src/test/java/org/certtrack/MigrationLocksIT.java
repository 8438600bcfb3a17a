package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.certtrack.internal.LockWaits;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration behind another application's open transaction on PostgreSQL: it gives up after
 * {@code lockTimeout} instead of waiting for that transaction, and while it waits, the other sessions that
 * queue behind it wait no longer than that either. The bounds asserted are generous (speed is measured by
 * hand, see docs/reliability.md); without {@code lock_timeout} the migration and the queue behind it would
 * wait for the whole socket timeout (120 s), past every bound here.
 */
@RequiresPostgres
class MigrationLocksIT {

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);
    private static final long BOUND_SECONDS = 30;

    @Test
    void aMigrationBehindAnOpenTransactionGivesUpAtTheLockTimeoutNamingTheSessionAndTheQueueBehindItDrains()
            throws Exception {
        ExecutorService sessions = Executors.newFixedThreadPool(2);
        try (TestDatabase fresh = TestDatabase.postgres(); HikariDataSource pool = fresh.newPool()) {
            Migrations.of(pool).dangerouslyAllowingRebuild().rebuildTo("6");
            try (Connection otherApplication = DriverManager.getConnection(fresh.jdbcUrl() + "&ApplicationName=report-job")) {
                // Another application's write transaction, left open: it holds ROW EXCLUSIVE on engineers, which
                // V7's CREATE INDEX on engineers (SHARE) must wait for.
                otherApplication.setAutoCommit(false);
                int holderPid;
                try (Statement statement = otherApplication.createStatement()) {
                    statement.executeUpdate("UPDATE engineers SET age = age WHERE id = -1");
                    try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                        pid.next();
                        holderPid = pid.getInt(1);
                    }
                }

                Future<CertTrack> startUp = sessions.submit(() -> fresh.certTrack().lockTimeout(LOCK_TIMEOUT).build());
                awaitAWaitForALockOnEngineers(pool);
                long insertStarted = System.nanoTime();
                Future<Integer> insert = sessions.submit(() -> execute(pool,
                        "INSERT INTO engineers (name, specialty, age) VALUES ('Ada', 'backend', 36)"));

                Throwable failure = catchThrowable(() -> startUp.get(BOUND_SECONDS, TimeUnit.SECONDS));
                assertThat(failure).as("start-up fails instead of waiting for the other application's transaction")
                        .isInstanceOf(ExecutionException.class);
                assertThat(failure.getCause()).isInstanceOf(TimedOutException.class)
                        .hasMessageContaining("lockTimeout (2 s)")
                        .hasMessageContaining("the schema stays at version 6")
                        .hasMessageContaining("pid " + holderPid + " (application_name 'report-job'")
                        .hasMessageContaining("idle in transaction")
                        .hasMessageContaining("engineers (RowExclusiveLock)");
                TimedOutException timedOut = (TimedOutException) failure.getCause();
                System.out.println("what start-up says: " + timedOut.getMessage());
                assertThat(timedOut.limit()).isEqualTo("lockTimeout");
                assertThat(timedOut.timeout()).isEqualTo(LOCK_TIMEOUT);

                assertThat(insert.get(BOUND_SECONDS, TimeUnit.SECONDS))
                        .as("the other session's insert, queued behind the migration, went through once it gave up")
                        .isEqualTo(1);
                System.out.printf("migration behind an open transaction: an insert queued behind it waited %d ms"
                        + " (lockTimeout %d ms)%n", (System.nanoTime() - insertStarted) / 1_000_000, LOCK_TIMEOUT.toMillis());
                assertThat(Migrations.of(pool).currentVersion()).as("V7 rolled back").contains("6");

                otherApplication.rollback();
            }
            assertThat(Migrations.of(pool).lockTimeout(LOCK_TIMEOUT).migrate().toVersion())
                    .as("the next migration, with the transaction ended, goes through").isEqualTo(MigrationsContract.LATEST_VERSION);
            assertThat(lockTimeoutOfThePooledConnections(pool))
                    .as("the pool's connections went back to the pool without certtrack's lock_timeout")
                    .containsOnly("0");
        } finally {
            sessions.shutdownNow();
        }
    }

    @Test
    void withoutALockTimeoutSetAMigrationWaitsNoLongerThanAShorterQueryTimeout() throws Exception {
        Duration queryTimeout = Duration.ofSeconds(1);
        ExecutorService startUps = Executors.newSingleThreadExecutor();
        try (TestDatabase fresh = TestDatabase.postgres(); HikariDataSource pool = fresh.newPool()) {
            Migrations.of(pool).dangerouslyAllowingRebuild().rebuildTo("6");
            try (Connection otherApplication = DriverManager.getConnection(fresh.jdbcUrl())) {
                otherApplication.setAutoCommit(false);
                try (Statement statement = otherApplication.createStatement()) {
                    statement.executeUpdate("UPDATE engineers SET age = age WHERE id = -1");
                }
                Future<CertTrack> startUp = startUps.submit(() -> fresh.certTrack()
                        .queryTimeout(queryTimeout).socketTimeout(Duration.ofSeconds(2)).build());

                Throwable failure = catchThrowable(() -> startUp.get(BOUND_SECONDS, TimeUnit.SECONDS));
                assertThat(failure).isInstanceOf(ExecutionException.class);
                assertThat(failure.getCause()).isInstanceOf(TimedOutException.class).hasMessageContaining("lockTimeout (1 s)");
                assertThat(((TimedOutException) failure.getCause()).timeout()).isEqualTo(queryTimeout);
                otherApplication.rollback();
            }
        } finally {
            startUps.shutdownNow();
        }
    }

    /**
     * A migration written by the rule for new ones (README, "Contributing: migrations") goes through Flyway as
     * certtrack configures it: {@code CREATE INDEX CONCURRENTLY} outside a transaction. With Flyway's default
     * advisory lock, held in a transaction, the index build waited for that transaction until the lock
     * timeout, every time.
     */
    @Test
    void anIndexBuiltConcurrentlyOutsideATransactionIsApplied(@TempDir Path scripts) throws Exception {
        writeATableAndAConcurrentIndex(scripts);
        ExecutorService migration = Executors.newSingleThreadExecutor();
        try (PrivateDatabase fresh = PrivateDatabase.create(); HikariDataSource pool = fresh.newPool()) {
            FluentConfiguration flyway = probeMigrations(scripts, pool);
            Future<Integer> applied = migration.submit(() -> flyway.load().migrate().migrationsExecuted);
            assertThat(applied.get(BOUND_SECONDS, TimeUnit.SECONDS)).as("both scripts applied").isEqualTo(2);
        } finally {
            migration.shutdownNow();
        }
    }

    /**
     * Such a script, failed behind another application's open transaction, runs again at the next migration:
     * Flyway recorded it as failed (it ran outside a transaction) and would refuse every later migration;
     * certtrack forgets the failed attempt, and the script's {@code DROP INDEX CONCURRENTLY IF EXISTS} clears
     * the invalid index it left.
     */
    @Test
    void anIndexBuildThatRanOutOfLockTimeoutRunsAgainAtTheNextMigration(@TempDir Path scripts) throws Exception {
        writeATableAndAConcurrentIndex(scripts);
        ExecutorService migration = Executors.newSingleThreadExecutor();
        try (PrivateDatabase fresh = PrivateDatabase.create(); HikariDataSource pool = fresh.newPool()) {
            FluentConfiguration flyway = probeMigrations(scripts, pool);
            Flyway.configure().configuration(flyway).target("1").load().migrate();
            try (Connection otherApplication = DriverManager.getConnection(fresh.jdbcUrl())) {
                // A write the index build must wait for: it catalogues the index, then waits, then gives up.
                otherApplication.setAutoCommit(false);
                otherApplication.createStatement().executeUpdate("INSERT INTO lock_probe VALUES (1)");
                Throwable failure = catchThrowable(() -> migration.submit(() -> flyway.load().migrate())
                        .get(BOUND_SECONDS, TimeUnit.SECONDS));
                assertThat(failure).as("the index build gave up at the lock timeout").isInstanceOf(ExecutionException.class);
                otherApplication.rollback();
            }
            assertThat(LockWaits.forgetFailedAttempts(flyway.load(), pool, "lock_probe_history"))
                    .as("the failed attempt Flyway recorded").containsExactly("2");
            assertThat(migration.submit(() -> flyway.load().migrate().migrationsExecuted).get(BOUND_SECONDS, TimeUnit.SECONDS))
                    .as("the index script, applied on the second try").isEqualTo(1);
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 ResultSet valid = statement.executeQuery("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_lock_probe_x'::regclass")) {
                assertThat(valid.next() && valid.getBoolean(1)).as("the index, valid").isTrue();
            }
        } finally {
            migration.shutdownNow();
        }
    }

    /**
     * A database of its own, not a schema in the shared one: {@code CREATE INDEX CONCURRENTLY} waits for every
     * older transaction in its database, so other tests' transactions would make it time out.
     */
    private record PrivateDatabase(String adminUrl, String name, String jdbcUrl) implements AutoCloseable {

        static PrivateDatabase create() throws SQLException {
            try (TestDatabase shared = TestDatabase.postgres()) {
                String admin = shared.adminUrl();
                String name = "certtrack_locks_" + Long.toHexString(System.nanoTime());
                try (Connection connection = DriverManager.getConnection(admin); Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                }
                return new PrivateDatabase(admin, name, admin.replaceFirst("(//[^/]+/)[^?]*", "$1" + name));
            }
        }

        HikariDataSource newPool() {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(jdbcUrl);
            pool.setMaximumPoolSize(2);
            return pool;
        }

        @Override
        public void close() throws SQLException {
            try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
            }
        }
    }

    private static void awaitAWaitForALockOnEngineers(HikariDataSource pool) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (System.nanoTime() < deadline) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 ResultSet waiting = statement.executeQuery("SELECT COUNT(*) FROM pg_locks"
                         + " WHERE NOT granted AND relation = 'engineers'::regclass")) {
                waiting.next();
                if (waiting.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no session waited for a lock on engineers within " + BOUND_SECONDS + " s");
    }

    /** {@code lock_timeout} on each connection of the pool (of 2), taken both at once. */
    private static List<String> lockTimeoutOfThePooledConnections(HikariDataSource pool) throws SQLException {
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            return List.of(lockTimeout(first), lockTimeout(second));
        }
    }

    private static String lockTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet setting = statement.executeQuery("SHOW lock_timeout")) {
            setting.next();
            return setting.getString(1);
        }
    }

    private static int execute(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** V1 makes a table, V2 indexes it by the rule for new migrations: concurrently, outside a transaction. */
    private static void writeATableAndAConcurrentIndex(Path scripts) throws IOException {
        Files.writeString(scripts.resolve("V1__table.sql"), "CREATE TABLE lock_probe (x INT);");
        Files.writeString(scripts.resolve("V2__index.sql"), "DROP INDEX CONCURRENTLY IF EXISTS ix_lock_probe_x;\n"
                + "CREATE INDEX CONCURRENTLY ix_lock_probe_x ON lock_probe (x);");
        Files.writeString(scripts.resolve("V2__index.sql.conf"), "executeInTransaction=false\n");
    }

    /** Flyway on those scripts, configured as certtrack configures its own migrations' locks. */
    private static FluentConfiguration probeMigrations(Path scripts, HikariDataSource pool) {
        FluentConfiguration flyway = Flyway.configure().locations("filesystem:" + scripts).table("lock_probe_history");
        LockWaits.configure(flyway, pool, LOCK_TIMEOUT);
        return flyway;
    }
}
