package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The pool's limits: a pool of one connection starts (migrating a fresh database) and serves units of
 * work, and a unit of work that finds every connection busy for the connection timeout fails with a
 * {@link PoolExhaustedException} that says so, not with a {@link DatabaseUnavailableException}: the
 * database is up. (A database that is down is {@link DatabaseRestartIT}'s and {@link TimeoutsIT}'s case.)
 */
abstract class PoolLimitsContract extends DatabaseContract {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1500);

    @Test
    void aPoolOfOneConnectionMigratesAFreshDatabaseAndServesUnitsOfWork() throws Exception {
        try (TestDatabase fresh = openDatabase();
             CertTrack one = CertTrack.builder().url(fresh.jdbcUrl()).maximumPoolSize(1)
                     .connectionTimeout(Duration.ofSeconds(5)).build()) {
            long id = one.inTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)).getId());
            one.useTransaction(work -> work.engineers().getById(id).setAge(37));
            int age = one.inTransaction(work -> work.engineers().getById(id).getAge());
            assertThat(age)
                    .as("an engineer written and updated through a pool of one connection").isEqualTo(37);
            assertThat(one.startupMigration().applied()).as("migrations applied at start-up").isNotEmpty();
        }
    }

    @Test
    void aUnitOfWorkThatFindsEveryConnectionBusyIsToldThePoolIsExhaustedNotThatTheDatabaseIsDown() throws Exception {
        try (CertTrack one = database.certTrack().maximumPoolSize(1).connectionTimeout(CONNECTION_TIMEOUT).build()) {
            long started = System.nanoTime();
            whileTheOnlyConnectionIsBusy(one, () ->
                    assertThatThrownBy(() -> one.useTransaction(work -> work.engineers().add(new Engineer("Bob", "backend", 30))))
                            .isInstanceOf(PoolExhaustedException.class)
                            .isNotInstanceOf(DatabaseUnavailableException.class)
                            .hasMessageContaining("All 1 connections of the pool (maximumPoolSize 1)")
                            .hasMessageContaining("connectionTimeout (" + CONNECTION_TIMEOUT.toMillis() + " ms)")
                            .hasMessageContaining("the database is up")
                            .satisfies(e -> {
                                PoolExhaustedException exhausted = (PoolExhaustedException) e;
                                assertThat(exhausted.poolSize()).isEqualTo(1);
                                assertThat(exhausted.limit()).isEqualTo("connectionTimeout");
                                assertThat(exhausted.timeout()).isEqualTo(CONNECTION_TIMEOUT);
                            }));
            System.out.printf("pool exhausted (%s): the waiting unit failed after %d ms (connectionTimeout %d ms)%n",
                    database.isPostgres() ? "PostgreSQL" : "H2",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), CONNECTION_TIMEOUT.toMillis());

            one.useTransaction(work -> work.engineers().add(new Engineer("Carol", "backend", 30)));
            assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).as("only the unit that got a connection wrote").isEqualTo(1);
        }
    }

    /**
     * Runs {@code whileBusy} while a unit of work on another thread holds the only connection of {@code one}'s
     * pool, and lets that unit finish afterwards.
     */
    static void whileTheOnlyConnectionIsBusy(CertTrack one, Runnable whileBusy) throws Exception {
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> busy = holder.submit(() -> one.useTransaction(work -> {
                work.engineers().count();
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).as("the first unit of work holds the only connection").isTrue();
            try {
                whileBusy.run();
            } finally {
                release.countDown();
            }
            busy.get(30, TimeUnit.SECONDS);
        } finally {
            holder.shutdownNow();
        }
    }
}
