package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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

/**
 * A primary and a synchronous streaming standby, both throwaway clusters of the test's own
 * ({@link ThrowawayCluster}: {@code initdb}, then {@code pg_basebackup -R}), behind one multi-host URL that
 * names the standby first. Reads run on the standby ({@code pg_is_in_recovery()}), writes and migrations on
 * the primary; a read still works with the standby down; and when the primary crashes in the middle of a
 * stream of units of work and the standby is promoted, the units fail with
 * {@link DatabaseUnavailableException} during the switch, succeed on the new primary after it without a
 * new {@link CertTrack}, and no unit that committed is lost. Needs only the server binaries, not the shared
 * PostgreSQL. The methods run in order: each leaves the servers as the next expects.
 */
@ExtendWith(ThrowawayCluster.ServerBinaries.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String STANDBY = "standby";

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
        long started = System.nanoTime();
        long clustersUp;
        try {
            primary = ThrowawayCluster.create("primary");
            // A commit returns once the standby has the unit of work on disk: a promoted standby has every
            // committed unit. (Until a standby connects, commits on the primary wait.)
            primary.start("synchronous_standby_names=" + STANDBY);
            standby = primary.standby(STANDBY);
            standby.start();
            awaitSynchronousStandby();
            clustersUp = System.nanoTime();
            certTrack = CertTrack.builder()
                    .url("postgresql://postgres@" + standby.hostAndPort() + "," + primary.hostAndPort() + "/postgres")
                    .maximumPoolSize(4)
                    .connectionTimeout(TIMEOUT)
                    .build();
        } catch (Exception | Error e) {
            printServerLogs();
            throw e;
        }
        System.out.printf("replication: primary and synchronous standby streaming after %d ms, certtrack migrated and"
                + " started in %d ms more%n", TimeUnit.NANOSECONDS.toMillis(clustersUp - started),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - clustersUp));
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
    @Order(1)
    void readsRunOnTheStandbyAndWritesAndMigrationsOnThePrimary() throws Exception {
        boolean readerInRecovery = certTrack.read(ReplicationIT::inRecovery);
        boolean writerInRecovery = certTrack.inTransaction(work -> {
            work.engineers().add(new Engineer("Ada Lovelace", "backend", 36));
            return inRecovery(work);
        });
        long written = System.nanoTime();
        long adaOnPrimary = certTrack.readFromPrimary(work -> work.engineers().findByNameContaining("Ada", PageRequest.first()).size());
        boolean primaryReadInRecovery = certTrack.readFromPrimary(ReplicationIT::inRecovery);
        // synchronous_commit=on waits until the standby has the commit on disk, not until it has applied it.
        int readsBeforeAda = 0;
        long adaOnStandby = 0;
        while (System.nanoTime() - written < TimeUnit.SECONDS.toNanos(10)) {
            adaOnStandby = certTrack.read(work -> work.engineers().findByNameContaining("Ada", PageRequest.first()).size());
            if (adaOnStandby > 0) {
                break;
            }
            readsBeforeAda++;
        }
        long lagMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written);

        assertThat(writerInRecovery).as("pg_is_in_recovery() in a read-write unit: it must run on the primary").isFalse();
        assertThat(primaryReadInRecovery).as("pg_is_in_recovery() in readFromPrimary").isFalse();
        assertThat(readerInRecovery).as("pg_is_in_recovery() in a read-only unit: it must run on the standby").isTrue();
        assertThat(adaOnPrimary).as("Ada read back from the primary right after her unit committed").isEqualTo(1);
        assertThat(adaOnStandby).as("Ada read on the standby within 10 s").isEqualTo(1);
        assertThat(scalar(primary, "SELECT count(*) FROM certtrack_schema_history WHERE success"))
                .as("migrations applied on the primary").isPositive();
        assertThat(scalar(standby, "SELECT pg_is_in_recovery()::int")).as("the standby is still a standby, so it took no write")
                .isEqualTo(1);
        System.out.printf("replication: reads on the standby, writes on the primary; Ada showed on the standby %d ms after"
                + " her commit returned (%d reads before did not see her)%n", lagMillis, readsBeforeAda);
    }

    @Test
    @Order(2)
    void aReadStillWorksWithTheStandbyDown() throws Exception {
        standby.stop();
        long stopped = System.nanoTime();
        int staleConnections = 0;
        Boolean inRecovery = null;
        while (inRecovery == null) {
            try {
                inRecovery = certTrack.read(ReplicationIT::inRecovery);
            } catch (DatabaseUnavailableException brokenConnection) {
                // A pooled connection used within HikariCP's last 500 ms is handed out unchecked, and fails once;
                // the read pool then drops its other connections, so no second read fails.
                staleConnections++;
                assertThat(staleConnections).as("reads failing on connections to the stopped standby").isLessThanOrEqualTo(1);
            }
        }
        long firstReadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
        long engineers = certTrack.read(work -> work.engineers().count());
        assertThat(inRecovery).as("pg_is_in_recovery() of a read with the standby down: it ran on the primary").isFalse();
        assertThat(engineers).as("engineers read on the primary").isEqualTo(1);
        System.out.printf("replication: with the standby down, reads ran on the primary after %d failed on stale"
                + " connections; the first success took %d ms%n", staleConnections, firstReadMillis);

        standby.start();
        awaitSynchronousStandby();
    }

    @Test
    @Order(3)
    void aPromoteInTheMiddleOfAStreamOfUnitsLosesNoCommittedUnit() throws Exception {
        List<String> committed = new CopyOnWriteArrayList<>();
        List<String> failed = new CopyOnWriteArrayList<>();
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong firstFailure = new AtomicLong();
        AtomicLong firstSuccessAfterFailure = new AtomicLong();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> stream = writer.submit(() -> {
            for (int i = 0; !stop.get(); i++) {
                String name = "Unit " + i;
                try {
                    certTrack.useTransaction(work -> work.engineers().add(new Engineer(name, "backend", 30)));
                    committed.add(name);
                    if (firstFailure.get() != 0) {
                        firstSuccessAfterFailure.compareAndSet(0, System.nanoTime());
                    }
                } catch (DatabaseUnavailableException expected) {
                    failed.add(name);
                    failures.put(name, expected.getMessage());
                    firstFailure.compareAndSet(0, System.nanoTime());
                } catch (RuntimeException | Error e) {
                    unexpected.add(e);
                    return;
                }
            }
        });
        try {
            awaitSize(committed, 50, "units committed before the crash");
            primary.crash();
            long crashed = System.nanoTime();
            int committedAtCrash = committed.size();
            standby.promote();
            long promoted = System.nanoTime();
            awaitSize(committed, committedAtCrash + 50, "units committed after the promote");
            stop.set(true);
            stream.get(30, TimeUnit.SECONDS);

            assertThat(unexpected).as("failures other than DatabaseUnavailableException").isEmpty();
            Set<String> onNewPrimary = new HashSet<>(certTrack.readFromPrimary(work -> work.engineers()
                    .findByNameContaining("Unit ", PageRequest.first(500)).stream().map(Engineer::getName).toList()));
            List<String> lost = new ArrayList<>(committed);
            lost.removeAll(onNewPrimary);
            List<String> inDoubt = new ArrayList<>(failed);
            inDoubt.retainAll(onNewPrimary);
            boolean readerInRecovery = certTrack.read(ReplicationIT::inRecovery);

            assertThat(lost).as("units whose commit returned, missing on the promoted standby").isEmpty();
            assertThat(failed).as("units that failed during the switch").isNotEmpty();
            assertThat(inDoubt).as("units that failed and yet committed: their exception must say they may have")
                    .allSatisfy(name -> assertThat(failures.get(name)).contains("may or may not have been written"));
            assertThat(onNewPrimary).as("units on the new primary: every committed one, and only those or failed ones")
                    .hasSize(committed.size() + inDoubt.size());
            assertThat(readerInRecovery).as("pg_is_in_recovery() of a read after the failover (no standby left)").isFalse();
            System.out.printf("replication: primary crashed after %d committed units; promote took %d ms; %d units failed"
                            + " with DatabaseUnavailableException over %d ms (%d said during the commit, %d had committed),"
                            + " then %d more"
                            + " committed on the new primary; 0 of %d committed units lost%n",
                    committedAtCrash, TimeUnit.NANOSECONDS.toMillis(promoted - crashed), failed.size(),
                    TimeUnit.NANOSECONDS.toMillis(firstSuccessAfterFailure.get() - firstFailure.get()),
                    failures.values().stream().filter(message -> message.contains("during the commit")).count(), inDoubt.size(),
                    committed.size() - committedAtCrash, committed.size());
        } finally {
            stop.set(true);
            writer.shutdownNow();
        }
    }

    private static boolean inRecovery(UnitOfWork work) {
        return (Boolean) work.entityManager().createNativeQuery("SELECT pg_is_in_recovery()").getSingleResult();
    }

    private static void awaitSize(List<String> list, int size, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (list.size() < size) {
            assertThat(System.nanoTime()).as(what + ": only " + list.size() + " of " + size + " within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Waits until the primary reports the standby streaming as its synchronous standby. */
    private void awaitSynchronousStandby() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (scalar(primary, "SELECT count(*) FROM pg_stat_replication WHERE application_name = '" + STANDBY
                + "' AND state = 'streaming' AND sync_state = 'sync'") == 0) {
            assertThat(System.nanoTime()).as("the standby streaming synchronously within 30 s").isLessThan(deadline);
            Thread.sleep(50);
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
