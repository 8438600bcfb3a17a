package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every wait on PostgreSQL is bounded by a setting, and the failure names it: a statement that runs too
 * long ({@code pg_sleep}) is cancelled at {@code queryTimeout}; a server that stops answering in the
 * middle of a query (a loopback proxy that goes silent) fails the unit of work at {@code socketTimeout};
 * and a unit of work started after the stall fails within about {@code connectionTimeout}. Each wait is
 * printed beside its limit; each unit of work runs under a preemptive bound, so a wait that is not bounded
 * fails the test instead of hanging the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresPostgres
class TimeoutsIT {

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration NEVER_THIS_LONG = Duration.ofSeconds(30);

    private TestDatabase database;

    @BeforeAll
    void openDatabase() {
        database = TestDatabase.postgres();
    }

    @AfterAll
    void closeDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aRepositoryQueryCancelledAtTheQueryTimeoutNamesTheConfiguredLimitOnce() throws Exception {
        assertQueryTimesOut((certTrack, search) -> certTrack.useTransaction(search::accept));
    }

    @Test
    void aReadOnlyUnitsQueryIsCancelledAtTheQueryTimeoutToo() throws Exception {
        assertQueryTimesOut((certTrack, search) -> certTrack.read(work -> {
            search.accept(work);
            return null;
        }));
    }

    /** Runs {@code search} in a unit of work of {@code certTrack}, as {@code unit} opens it. */
    private interface Unit {
        void run(CertTrack certTrack, java.util.function.Consumer<UnitOfWork> search);
    }

    private void assertQueryTimesOut(Unit unit) throws Exception {
        try (CertTrack certTrack = database.certTrack().queryTimeout(QUERY_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).build();
             HikariDataSource other = database.newPool();
             Connection locker = other.getConnection();
             Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE engineers IN ACCESS EXCLUSIVE MODE");   // the search below waits for it
            try {
                assertTimeoutPreemptively(NEVER_THIS_LONG, () -> assertThatThrownBy(() -> unit.run(certTrack, work ->
                        work.engineers().findByNameContaining("Ada", PageRequest.first())))
                        .as("a repository's query that waits past queryTimeout")
                        .isInstanceOfSatisfying(TimedOutException.class, timedOut -> {
                            assertThat(timedOut.timeout()).as("the configured limit, known to the unit of work")
                                    .isEqualTo(QUERY_TIMEOUT);
                            assertThat(timedOut.getCause()).as("translated once, not certtrack's exception wrapped again")
                                    .isNotInstanceOf(CertTrackException.class);
                        }));
            } finally {
                locker.rollback();
            }
        }
    }

    @Test
    void aStatementThatRunsLongerThanTheQueryTimeoutIsCancelledAndSaysSo() {
        try (CertTrack certTrack = database.certTrack().queryTimeout(QUERY_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).build()) {
            long started = System.nanoTime();
            assertTimeoutPreemptively(NEVER_THIS_LONG, () -> assertThatThrownBy(() -> certTrack.useTransaction(work ->
                    work.entityManager().createNativeQuery("SELECT pg_sleep(20)").getSingleResult()))
                    .isInstanceOf(TimedOutException.class)
                    .hasMessageContaining("queryTimeout (1 s)")
                    .satisfies(e -> assertThat(((TimedOutException) e).limit()).isEqualTo("queryTimeout")));
            System.out.printf("query timeout: pg_sleep(20) cancelled after %d ms (queryTimeout %d ms)%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), QUERY_TIMEOUT.toMillis());
            long id = certTrack.inTransaction(work -> work.engineers().add(new Engineer("After the timeout", "backend", 30)).getId());
            String name = certTrack.inTransaction(work -> work.engineers().getById(id).getName());
            assertThat(name).as("the pool works after the timeout").isEqualTo("After the timeout");
        }
    }

    @SuppressWarnings("try") // the proxy is closed early on purpose (see the comment there)
    @Test
    void aServerThatStopsAnsweringMidQueryFailsTheUnitAtTheSocketTimeoutAndLaterUnitsAtTheConnectionTimeout() throws Exception {
        URI target = URI.create(DatabaseUrl.parse(database.jdbcUrl()).jdbcUrl().substring("jdbc:".length()));
        try (SilentProxy proxy = new SilentProxy(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort())) {
            String throughProxy = database.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            try (CertTrack certTrack = CertTrack.builder().url(throughProxy).maximumPoolSize(2)
                    .queryTimeout(QUERY_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).connectionTimeout(CONNECTION_TIMEOUT).build()) {
                certTrack.useTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)));

                long started = System.nanoTime();
                assertTimeoutPreemptively(NEVER_THIS_LONG, () -> assertThatThrownBy(() -> certTrack.useTransaction(work -> {
                    work.engineers().count();
                    proxy.goSilent();                                  // mid-unit: the next statement gets no answer
                    work.entityManager().createNativeQuery("SELECT COUNT(*) FROM engineers").getSingleResult();
                }))
                        .isInstanceOf(DatabaseUnavailableException.class)
                        .hasMessageContaining("socketTimeout (3 s)"));
                long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

                started = System.nanoTime();
                assertTimeoutPreemptively(NEVER_THIS_LONG, () -> assertThatThrownBy(() ->
                        certTrack.useTransaction(work -> work.engineers().count()))
                        .isInstanceOf(DatabaseUnavailableException.class)
                        .isNotInstanceOf(PoolExhaustedException.class)
                        .hasMessageContaining("connectionTimeout (2 s)"));
                long afterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

                System.out.printf("silent server: the unit in flight failed after %d ms (socketTimeout %d ms, queryTimeout %d ms);"
                                + " a unit started after the stall failed after %d ms (connectionTimeout %d ms)%n",
                        silentMillis, SOCKET_TIMEOUT.toMillis(), QUERY_TIMEOUT.toMillis(), afterMillis, CONNECTION_TIMEOUT.toMillis());
                // The proxy goes first: certtrack's pool, which dropped its connections at the socket timeout, is
                // reconnecting, and closing it while the server is still silent makes HikariCP wait for that.
                proxy.close();
            }
        }
    }

    @Test
    void startUpAgainstAHungServerSaysHowLongItReallyWaited() throws Exception {
        URI target = URI.create(DatabaseUrl.parse(database.jdbcUrl()).jdbcUrl().substring("jdbc:".length()));
        try (SilentProxy proxy = new SilentProxy(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort())) {
            proxy.goSilent();
            String throughProxy = database.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> assertTimeoutPreemptively(NEVER_THIS_LONG, () -> CertTrack.builder()
                    .url(throughProxy).connectionTimeout(Duration.ofMillis(250)).build().close()));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(failure).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("within connectionTimeout (250 ms)");
            java.util.regex.Matcher stated = java.util.regex.Pattern.compile("gave up after ([0-9]+) ms").matcher(failure.getMessage());
            assertThat(stated.find()).as("the message states how long start-up waited: " + failure.getMessage()).isTrue();
            assertThat(Long.parseLong(stated.group(1))).as("the wait the message states, against the wait measured outside")
                    .isBetween(250L, waited);
            System.out.printf("hung server at start-up: connectionTimeout 250 ms, start-up failed after %d ms, the message"
                    + " states %s ms%n", waited, stated.group(1));
        }
    }
}
