package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;

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
 * certtrack on a pg_auto_failover formation ({@link ThrowawayAutoFailover}: a monitor, a primary and a
 * secondary with synchronous replication, as pg_auto_failover sets it up) through a multi-host URL, across
 * {@code pg_autoctl perform failover} and across a killed primary: no committed unit lost, units in doubt
 * flagged, writes back on the new primary and reads back on a standby, all with the same {@link CertTrack}.
 */
@ExtendWith({ThrowawayCluster.ServerBinaries.class, ThrowawayAutoFailover.Installed.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoFailoverIT {

    private ThrowawayAutoFailover formation;
    private CertTrack certTrack;

    @RegisterExtension
    final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printLogs();
        }
    };

    @BeforeAll
    void startFormation() throws Exception {
        long started = System.nanoTime();
        try {
            formation = new ThrowawayAutoFailover();
            formation.start();
            certTrack = CertTrack.builder().url(formation.url()).maximumPoolSize(4).readPoolSize(2)
                    .connectionTimeout(Duration.ofSeconds(2)).build();
        } catch (Exception | Error e) {
            printLogs();
            throw e;
        }
        System.out.printf("auto failover: monitor, primary and secondary up and certtrack started in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (certTrack != null) {
                certTrack.close();
            }
        } finally {
            if (formation != null) {
                formation.close();
            }
        }
    }

    @Test
    @Order(1)
    void aPerformedFailoverLosesNoCommittedUnit() throws Exception {
        String before = formation.primary();
        Stream stream = streamAcross("performed", () -> formation.performFailover());
        String after = formation.primary();
        assertThat(after).as("the primary after pg_autoctl perform failover").isNotEqualTo(before);
        stream.check("performed");
        // The old primary rejoins as a secondary; the read pool, on the promoted node, returns to a standby once
        // its connections have been seen on a primary for 30 s.
        formation.awaitStable(60);
        ThrowawayAutoFailover.awaitTrue(60, "a read on a standby again", () -> readInRecovery());
    }

    @Test
    @Order(2)
    void aKilledPrimaryLosesNoCommittedUnit() throws Exception {
        String killed = formation.primary();
        long[] failoverMillis = new long[1];
        Stream stream = streamAcross("killed", () -> {
            long start = System.nanoTime();
            formation.kill(killed);
            ThrowawayAutoFailover.awaitTrue(90, "a new primary after " + killed + " was killed", () -> {
                String primary = formation.primary();
                Map<String, String[]> states = formation.states();
                return primary != null && !primary.equals(killed)
                        || states.entrySet().stream().anyMatch(node -> !node.getKey().equals(killed)
                        && List.of("wait_primary", "primary").contains(node.getValue()[0]));
            });
            failoverMillis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        });
        stream.check("killed");
        formation.restart(killed);
        formation.awaitStable(90);
        ThrowawayAutoFailover.awaitTrue(60, "a read on a standby again", () -> readInRecovery());
        System.out.printf("auto failover: the killed primary was replaced in %d ms%n", failoverMillis[0]);
    }

    private boolean readInRecovery() {
        try {
            return certTrack.read(work -> (Boolean) work.entityManager().createNativeQuery("SELECT pg_is_in_recovery()")
                    .getSingleResult());
        } catch (DatabaseUnavailableException e) {
            return false;
        }
    }

    interface Action {
        void run() throws Exception;
    }

    /** A stream of units while {@code action} runs; returns once 30 more units committed after it. */
    private Stream streamAcross(String label, Action action) throws Exception {
        Stream stream = new Stream();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> running = writer.submit(() -> {
            for (int i = 0; !stream.stop.get(); i++) {
                String name = label + " " + i;
                try {
                    certTrack.useTransaction(work -> work.engineers().add(new Engineer(name, "backend", 30)));
                    stream.committed.add(name);
                } catch (DatabaseUnavailableException e) {
                    stream.failed.put(name, e.mayHaveBeenWritten());
                    pause();
                } catch (RuntimeException | Error e) {
                    stream.unexpected.add(e);
                    return;
                }
            }
        });
        try {
            ThrowawayAutoFailover.awaitTrue(30, label + ": 30 units before", () -> stream.committed.size() >= 30);
            action.run();
            int atSwitch = stream.committed.size();
            ThrowawayAutoFailover.awaitTrue(60, label + ": 30 units on the new primary", () -> stream.committed.size() >= atSwitch + 30);
            stream.stop.set(true);
            running.get(30, TimeUnit.SECONDS);
        } finally {
            stream.stop.set(true);
            writer.shutdownNow();
        }
        return stream;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Stream {
        final List<String> committed = new CopyOnWriteArrayList<>();
        final Map<String, Boolean> failed = new ConcurrentHashMap<>();
        final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        final AtomicBoolean stop = new AtomicBoolean();

        void check(String label) {
            assertThat(unexpected).as(label + ": failures other than DatabaseUnavailableException").isEmpty();
            List<?> names = certTrack.readFromPrimary(work -> work.entityManager()
                    .createNativeQuery("SELECT name FROM engineers WHERE name LIKE ?1").setParameter(1, label + " %")
                    .getResultList());
            Set<String> stored = new HashSet<>();
            names.forEach(name -> stored.add((String) name));
            List<String> lost = new ArrayList<>(committed);
            lost.removeAll(stored);
            List<String> inDoubt = new ArrayList<>(failed.keySet());
            inDoubt.retainAll(stored);
            assertThat(lost).as(label + ": units whose commit returned, missing on the new primary").isEmpty();
            assertThat(inDoubt).as(label + ": units that failed and yet committed must have said they may have")
                    .allSatisfy(name -> assertThat(failed.get(name)).isTrue());
            System.out.printf("auto failover (%s): %d units committed, %d failed (%d said they may have been written,"
                            + " %d had), 0 lost%n", label, committed.size(), failed.size(),
                    failed.values().stream().filter(Boolean::booleanValue).count(), inDoubt.size());
        }
    }

    private void printLogs() {
        try {
            if (formation != null) {
                System.out.println(formation.logText());
            }
        } catch (Exception e) {
            System.out.println("could not read a log: " + e);
        }
    }
}
