package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database restarts while certtrack's pool is open. The test starts a throwaway PostgreSQL cluster of
 * its own ({@code initdb} and {@code pg_ctl} on a free loopback port in a temporary directory, as the
 * {@code postgres} user when the test runs as root), never the shared server. During the outage every
 * unit of work fails with a {@link DatabaseUnavailableException} within the connection timeout; once the
 * database is back, the same {@link CertTrack} works again without a restart. It runs with the other
 * PostgreSQL tests ({@link RequiresPostgres}), and needs the server binaries besides.
 */
@RequiresPostgres
@ExtendWith(ThrowawayCluster.ServerBinaries.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRestartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private ThrowawayCluster cluster;

    @BeforeAll
    void startThrowawayCluster() throws Exception {
        cluster = ThrowawayCluster.create("restart");
        cluster.start();
    }

    @AfterAll
    void removeThrowawayCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void operationsFailCleanlyDuringARestartAndWorkAgainAfterIt() throws Exception {
        String url = cluster.jdbcUrl();
        try (CertTrack certTrack = CertTrack.builder().url(url).maximumPoolSize(4).connectionTimeout(TIMEOUT).build()) {
            for (int i = 0; i < 8; i++) {
                String name = "Before " + i;
                certTrack.useTransaction(work -> work.engineers().add(new Engineer(name, "backend", 30)));
            }

            cluster.stop();
            // A unit that retries while the database is unavailable, started during the outage: it must
            // succeed once the database is back, without the caller seeing the outage.
            ExecutorService retrier = Executors.newSingleThreadExecutor();
            Future<?> retried = retrier.submit(() -> certTrack.useTransaction(
                    new RetryPolicy(30, Duration.ofMillis(100)).alsoWhenUnavailable(),
                    work -> work.engineers().add(new Engineer("Retried", "backend", 30))));
            List<Long> outageMillis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                String name = "During " + i;
                try {
                    certTrack.useTransaction(work -> work.engineers().add(new Engineer(name, "backend", 30)));
                    fail("a write succeeded while the database was down");
                } catch (DatabaseUnavailableException expected) {
                    assertThat(expected).hasMessageStartingWith("The database is unavailable; nothing was written");
                }
                outageMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }

            cluster.start();
            int failuresAfterRestart = 0;
            long back = System.nanoTime();
            while (true) {
                try {
                    certTrack.useTransaction(work -> work.engineers().add(new Engineer("After", "backend", 30)));
                    break;
                } catch (DatabaseUnavailableException staleConnection) {
                    failuresAfterRestart++;
                    assertThat(failuresAfterRestart).as("failures once the database is back").isLessThanOrEqualTo(4);
                }
            }
            long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
            try {
                retried.get(60, TimeUnit.SECONDS);
            } finally {
                retrier.shutdownNow();
            }
            for (int i = 0; i < 20; i++) {
                certTrack.useTransaction(work -> work.engineers().getById(work.engineers().findAll(PageRequest.first(1)).get(0).getId()));
            }
            long engineers = certTrack.inTransaction(work -> work.engineers().count());

            System.out.printf("database restart: %d units during the outage each failed cleanly in %s ms (timeout %d ms);"
                            + " after the restart %d failed on stale connections, the first success took %d ms, then 20 of 20 succeeded%n",
                    outageMillis.size(), outageMillis, TIMEOUT.toMillis(), failuresAfterRestart, recoveryMillis);
            assertThat(outageMillis).as("time each unit took to fail during the outage")
                    .allSatisfy(millis -> assertThat(millis).isLessThan(TIMEOUT.toMillis() + 3000));
            assertThat(engineers).as("8 written before, none during, 1 after, 1 retried through the outage").isEqualTo(10);
        }
    }
}
