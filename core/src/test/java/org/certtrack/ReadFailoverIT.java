package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;

import org.certtrack.internal.Evictions;
import org.certtrack.internal.Pools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.postgresql.PGConnection;

/**
 * Reads through a failover, on a primary and an asynchronous standby of the test's own
 * ({@link ThrowawayCluster}), the standby first in the URL, a read pool of 4:
 * <ul>
 * <li>a standby's replay conflict (the standby runs with {@code max_standby_streaming_delay=0}, and the primary
 * vacuums rows a read on the standby is reading) is a {@link ConcurrentUpdateException}, which
 * {@code read(RetryPolicy, ...)} retries;</li>
 * <li>when the server the read pool is on goes away, with all 4 connections used a moment before (a busy
 * pool: HikariCP hands a connection used within its bypass window out unchecked), one read fails and the
 * next succeeds (without the eviction, each of the 4 connections failed one read in turn), and a
 * {@code read(RetryPolicy...alsoWhenUnavailable(), ...)} does not fail at all.</li>
 * </ul>
 * The bypass window is HikariCP's {@code com.zaxxer.hikari.aliveBypassWindowMs} (500 ms), raised to a minute
 * while this class's pools are made, so that "used a moment before" does not depend on how fast the machine
 * stops a server. The methods run in order: each leaves the servers as the next expects.
 */
@ExtendWith(ThrowawayCluster.ServerBinaries.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadFailoverIT {

    private static final String BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";
    private static final int READ_POOL = 4;

    private ThrowawayCluster primary;
    private ThrowawayCluster standby;
    private CertTrack certTrack;

    @RegisterExtension
    final TestWatcher serverLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printServerLogs();
        }
    };

    @BeforeAll
    void startPrimaryAndStandby() throws Exception {
        try {
            primary = ThrowawayCluster.create("read-primary");
            primary.start();
            standby = primary.standby("read-standby");
            // The standby cancels a conflicting read at once instead of delaying its replay for 30 s.
            standby.start("max_standby_streaming_delay=0");
            String previous = System.getProperty(BYPASS_WINDOW);
            System.setProperty(BYPASS_WINDOW, "60000");
            try {
                certTrack = CertTrack.builder()
                        .url("postgresql://postgres@" + standby.hostAndPort() + "," + primary.hostAndPort() + "/postgres")
                        .maximumPoolSize(2)
                        .readPoolSize(READ_POOL)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .build();
            } finally {
                if (previous == null) {
                    System.clearProperty(BYPASS_WINDOW);
                } else {
                    System.setProperty(BYPASS_WINDOW, previous);
                }
            }
        } catch (Exception | Error e) {
            printServerLogs();
            throw e;
        }
    }

    @AfterAll
    void stopClusters() throws Exception {
        try {
            if (certTrack != null) {
                certTrack.close();
            }
        } finally {
            try {
                if (standby != null) {
                    standby.close();
                }
            } finally {
                if (primary != null) {
                    primary.close();
                }
            }
        }
    }

    @Test
    @Order(0)
    void aReadConnectionOnAPrimaryIsReplacedOnItsReturnAndOneOnAStandbyKept() throws Exception {
        for (ThrowawayCluster server : new ThrowawayCluster[] {primary, standby}) {
            try (HikariDataSource pool = Pools.open("replace-test", DatabaseUrl.parse("postgresql://postgres@"
                    + server.hostAndPort() + "/postgres"), 1, Duration.ofSeconds(2))) {
                Connection first = pool.getConnection();
                Object driverConnection = first.unwrap(PGConnection.class);
                Evictions.releaseRead(pool, first, ReadFailoverIT::close, Duration.ZERO);
                try (Connection second = pool.getConnection()) {
                    boolean replaced = second.unwrap(PGConnection.class) != driverConnection;
                    assertThat(replaced).as("a read connection on " + server.hostAndPort() + " replaced on its return (lifetime on a"
                            + " primary 0)").isEqualTo(server == primary);
                }
            }
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void aReplayConflictOnTheStandbyIsAConcurrentUpdateThatAReadRetries() throws Exception {
        certTrack.useTransaction(work -> {
            for (int i = 0; i < 20; i++) {
                work.engineers().add(new Engineer("Vacuumed " + i, "backend", 30));
            }
        });
        awaitOnStandby("SELECT count(*) FROM engineers WHERE name LIKE 'Vacuumed %'", 20);

        CountDownLatch reading = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Object[]> read = reader.submit(() -> certTrack.read(RetryPolicy.upTo(3), work -> {
                int attempt = attempts.incrementAndGet();
                boolean inRecovery = (Boolean) work.entityManager().createNativeQuery("SELECT pg_is_in_recovery()")
                        .getSingleResult();
                reading.countDown();
                // The first attempt reads for up to 10 s with a snapshot from before the primary's delete: the
                // standby cancels it when it replays the vacuum that removes those rows.
                String sleep = attempt == 1 ? "10" : "0";
                Number count = (Number) work.entityManager().createNativeQuery(
                        "SELECT count(*) FROM engineers, pg_sleep(" + sleep + ") WHERE name LIKE 'Vacuumed %'").getSingleResult();
                return new Object[] {inRecovery, count.longValue()};
            }));
            assertThat(reading.await(10, TimeUnit.SECONDS)).as("the read began on the standby within 10 s").isTrue();
            Thread.sleep(300);
            execute(primary, "DELETE FROM engineers WHERE name LIKE 'Vacuumed %'");
            execute(primary, "VACUUM engineers");
            Object[] result = read.get(30, TimeUnit.SECONDS);

            assertThat(result[0]).as("pg_is_in_recovery() of the read: it ran on the standby").isEqualTo(true);
            assertThat(attempts.get()).as("attempts: the first was cancelled by the replay conflict").isEqualTo(2);
            assertThat((Long) result[1]).as("rows the retried read saw: none or all, never an error").isIn(0L, 20L);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void aReplayConflictWithoutARetryIsAConcurrentUpdate() throws Exception {
        certTrack.useTransaction(work -> work.engineers().add(new Engineer("Vacuumed again", "backend", 30)));
        awaitOnStandby("SELECT count(*) FROM engineers WHERE name = 'Vacuumed again'", 1);
        CountDownLatch reading = new CountDownLatch(1);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Long> read = reader.submit(() -> certTrack.read(work -> {
                reading.countDown();
                return ((Number) work.entityManager().createNativeQuery(
                        "SELECT count(*) FROM engineers, pg_sleep(10)").getSingleResult()).longValue();
            }));
            assertThat(reading.await(10, TimeUnit.SECONDS)).as("the read began within 10 s").isTrue();
            Thread.sleep(300);
            execute(primary, "DELETE FROM engineers WHERE name = 'Vacuumed again'");
            execute(primary, "VACUUM engineers");
            assertThatThrownBy(() -> read.get(30, TimeUnit.SECONDS))
                    .as("a read the standby cancelled to replay the primary's vacuum")
                    .cause().isInstanceOf(ConcurrentUpdateException.class);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void aHungStandbyCostsReadsAtMostTheSocketTimeoutEach() throws Exception {
        try (CertTrack bounded = CertTrack.builder()
                .url("postgresql://postgres@" + standby.hostAndPort() + "," + primary.hostAndPort() + "/postgres")
                .migrate(false).maximumPoolSize(1).readPoolSize(2)
                .connectionTimeout(Duration.ofSeconds(2)).queryTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(2))
                .build()) {
            assertThat(bounded.read(ReadFailoverIT::inRecovery)).as("reads on the standby before it hangs").isTrue();
            standby.freeze();
            try {
                List<String> outcomes = new ArrayList<>();
                long frozen = System.nanoTime();
                Boolean inRecovery = null;
                while (inRecovery == null && System.nanoTime() - frozen < TimeUnit.SECONDS.toNanos(30)) {
                    long started = System.nanoTime();
                    try {
                        inRecovery = bounded.read(ReadFailoverIT::inRecovery);
                        outcomes.add("ok in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
                    } catch (CertTrackException e) {
                        outcomes.add(e.getClass().getSimpleName() + " in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                                + " ms: " + e.getMessage());
                    }
                }
                System.out.printf("read failover: a hung standby (SIGSTOP), socketTimeout 2 s, queryTimeout 1 s,"
                        + " connectionTimeout 2 s: %s%n", outcomes);
                assertThat(inRecovery).as("a read on the primary within 30 s of the standby hanging: " + outcomes).isFalse();
            } finally {
                standby.thaw();
            }
        }
    }

    @Test
    @Order(4)
    void theStandbyGoneFailsOneReadNotOnePerPooledConnection() throws Exception {
        assertThat(readsInRecoveryOnEveryConnection()).as("the read pool's connections all on the standby").containsOnly(true);
        standby.crash();

        List<String> failures = new ArrayList<>();
        Boolean inRecovery = readCountingFailures(failures);

        assertThat(failures).as("reads that failed after the standby went away, with every pooled connection used"
                + " a moment before").hasSizeLessThanOrEqualTo(1);
        assertThat(inRecovery).as("pg_is_in_recovery() of the first read that worked: on the primary").isFalse();
        System.out.printf("read failover: the standby crashed under a busy read pool of %d; %d read failed before"
                + " reads ran on the primary%n", READ_POOL, failures.size());
    }

    @Test
    @Order(5)
    void aPromoteFailsOneUnitAndNoReadAfterIt() throws Exception {
        standby.start("max_standby_streaming_delay=0");
        // The read pool is on the primary now (the standby was down when its connections were made): all of them
        // busy a moment before the primary crashes.
        assertThat(readsInRecoveryOnEveryConnection()).as("the read pool's connections all on the primary").containsOnly(false);
        long engineers = certTrack.readFromPrimary(work -> work.engineers().count());
        awaitOnStandby("SELECT count(*) FROM engineers", engineers);
        primary.crash();
        standby.promote();

        // A write finds the primary gone first: that drops the read pool's connections to it too.
        assertThatThrownBy(() -> certTrack.useTransaction(work -> work.engineers().count()))
                .as("the first write after the crash, on a pooled connection to the old primary")
                .isInstanceOf(DatabaseUnavailableException.class);
        List<String> failures = new ArrayList<>();
        Boolean inRecovery = readCountingFailures(failures);
        assertThat(failures).as("reads that failed after the promote and a failed write, with every pooled read"
                + " connection (on the old primary) used a moment before").isEmpty();
        assertThat(inRecovery).as("pg_is_in_recovery() of the first read after the promote: the promoted standby").isFalse();

        // Once more, on a read pool busy on the new primary, with a retrying read: no failure reaches the caller.
        assertThat(readsInRecoveryOnEveryConnection()).containsOnly(false);
        standby.stop();
        standby.start();
        long read = certTrack.read(new RetryPolicy(3, Duration.ofMillis(100)).alsoWhenUnavailable(), work -> work.engineers().count());
        assertThat(read).as("engineers read by a retried read after the server restarted").isEqualTo(engineers);
        System.out.printf("read failover: after a promote under a busy read pool of %d, a write failed and then %d reads; a retried"
                + " read across a restart failed none%n", READ_POOL, failures.size());
    }

    /** Reads until one works (at most 2 * the pool size tries), recording the failures; returns pg_is_in_recovery() of the one that worked. */
    private Boolean readCountingFailures(List<String> failures) {
        for (int i = 0; i < 2 * READ_POOL; i++) {
            try {
                return certTrack.read(ReadFailoverIT::inRecovery);
            } catch (DatabaseUnavailableException e) {
                failures.add(e.getMessage());
            }
        }
        throw new AssertionError("no read worked in " + 2 * READ_POOL + " tries: " + failures);
    }

    /** Holds every connection of the read pool at once, so that each was used a moment ago; where each ran. */
    private List<Boolean> readsInRecoveryOnEveryConnection() throws Exception {
        CountDownLatch allIn = new CountDownLatch(READ_POOL);
        ExecutorService readers = Executors.newFixedThreadPool(READ_POOL);
        try {
            List<Future<Boolean>> reads = new ArrayList<>();
            for (int i = 0; i < READ_POOL; i++) {
                reads.add(readers.submit(() -> certTrack.read(work -> {
                    allIn.countDown();
                    try {
                        assertThat(allIn.await(10, TimeUnit.SECONDS)).as("all " + READ_POOL + " reads at once within 10 s").isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return inRecovery(work);
                })));
            }
            List<Boolean> inRecovery = new ArrayList<>();
            for (Future<Boolean> read : reads) {
                inRecovery.add(read.get(20, TimeUnit.SECONDS));
            }
            return inRecovery;
        } finally {
            readers.shutdownNow();
        }
    }

    private static boolean inRecovery(UnitOfWork work) {
        return (Boolean) work.entityManager().createNativeQuery("SELECT pg_is_in_recovery()").getSingleResult();
    }

    private void awaitOnStandby(String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (scalar(standby, sql) != expected) {
            assertThat(System.nanoTime()).as("the standby caught up within 30 s: " + sql + " = " + expected).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static long scalar(ThrowawayCluster cluster, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(ThrowawayCluster cluster, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void printServerLogs() {
        for (ThrowawayCluster cluster : new ThrowawayCluster[] {primary, standby}) {
            if (cluster != null) {
                try {
                    System.out.println(cluster.logText());
                } catch (Exception e) {
                    System.out.println("could not read a server log: " + e);
                }
            }
        }
    }
}
