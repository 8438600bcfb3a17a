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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;

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
 * certtrack behind PgBouncer in transaction pooling mode ({@link ThrowawayPgBouncer}, in front of a
 * {@link ThrowawayCluster}): with {@code prepareThreshold=0} in the URL (PgBouncer 1.18 does not carry
 * server-side prepared statements from one transaction to the next) and the migrations through a direct
 * {@code migrationUrl} (Flyway's session advisory lock and a transaction pooler do not mix), units of work,
 * read-only units, {@code application_name}, the query timeout's cancel and the schema check all work through
 * it; and 50 instances with pools of 10 (500 client connections) through 20 server connections lose no unit.
 * The throughput against the same load straight to PostgreSQL is printed, not asserted.
 */
@ExtendWith({ThrowawayCluster.ServerBinaries.class, ThrowawayPgBouncer.Installed.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PgBouncerIT {

    private static final int SERVER_CONNECTIONS = 20;
    private static final int INSTANCES = 50;
    private static final int POOL = 10;
    private static final int THREADS_PER_INSTANCE = 4;
    private static final Duration LOAD = Duration.ofSeconds(3);

    private ThrowawayCluster server;
    private ThrowawayPgBouncer bouncer;

    @RegisterExtension
    final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printLogs();
        }
    };

    @BeforeAll
    void startServerAndPgBouncer() throws Exception {
        try {
            server = ThrowawayCluster.create("pgbouncer-server");
            // Room for the comparison without PgBouncer: 500 connections straight to the server.
            server.start("max_connections=" + (INSTANCES * POOL + 50));
            bouncer = new ThrowawayPgBouncer(server, SERVER_CONNECTIONS);
            // Migrated straight on the server, as the first test's migrationUrl does; every test starts from there.
            CertTrack.builder().url(direct()).maximumPoolSize(3).build().close();
        } catch (Exception | Error e) {
            printLogs();
            throw e;
        }
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (bouncer != null) {
                bouncer.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private String throughPgBouncer() {
        return "postgresql://postgres@" + bouncer.hostAndPort() + "/postgres?prepareThreshold=0&application_name=certtrack-app";
    }

    private String direct() {
        return "postgresql://postgres@" + server.hostAndPort() + "/postgres";
    }

    @Test
    @Order(1)
    void unitsReadOnlyUnitsSessionSettingsTimeoutsAndTheSchemaCheckWorkThroughPgBouncer() throws Exception {
        try (CertTrack certTrack = CertTrack.builder().url(throughPgBouncer()).migrationUrl(direct())
                .maximumPoolSize(4).connectionTimeout(Duration.ofSeconds(5))
                .queryTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(10)).build()) {
            assertThat(certTrack.migrations().currentVersion()).as("the schema version, read through PgBouncer").isPresent();
            certTrack.migrations().verifySchema();

            // The same statements, far more often than pgjdbc's default prepareThreshold (5), from 4 threads.
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    int t = thread;
                    done.add(writers.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            String name = "Bounced " + t + "-" + i;
                            long id = certTrack.inTransaction(work -> work.engineers().add(new Engineer(name, "backend", 30)).getId());
                            certTrack.useTransaction(work -> work.engineers().getById(id).setSpecialty("platform"));
                            String specialty = certTrack.read(work -> work.engineers().getById(id).getSpecialty());
                            assertThat(specialty).isEqualTo("platform");
                        }
                    }));
                }
                for (Future<?> future : done) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                writers.shutdownNow();
            }
            assertThat(scalar("SELECT count(*) FROM engineers WHERE name LIKE 'Bounced %' AND specialty = 'platform'"))
                    .as("units committed through PgBouncer, on the server").isEqualTo(100);

            String readOnly = certTrack.read(work -> setting(work, "transaction_read_only"));
            String readWrite = certTrack.inTransaction(work -> setting(work, "transaction_read_only"));
            String applicationName = certTrack.read(work -> setting(work, "application_name"));
            assertThat(readOnly).as("transaction_read_only in a read-only unit, through PgBouncer").isEqualTo("on");
            assertThat(readWrite).as("transaction_read_only in a read-write unit right after it").isEqualTo("off");
            assertThat(applicationName).as("application_name from the URL, on PgBouncer's server connection").isEqualTo("certtrack-app");

            long started = System.nanoTime();
            assertThatThrownBy(() -> certTrack.read(work ->
                    work.entityManager().createNativeQuery("SELECT pg_sleep(20)").getSingleResult()))
                    .isInstanceOf(TimedOutException.class)
                    .hasMessageContaining("queryTimeout");
            long cancelledMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long afterCancel = certTrack.read(work -> work.engineers().count());
            assertThat(afterCancel).as("a read after the cancelled one").isPositive();
            System.out.printf("pgbouncer: 100 units and 200 more through PgBouncer (transaction pooling, prepareThreshold=0);"
                    + " pg_sleep(20) cancelled through it after %d ms (queryTimeout 1 s)%n", cancelledMillis);
        }
    }

    @Test
    @Order(2)
    void fiftyInstancesThroughTwentyServerConnectionsLoseNoUnit() throws Exception {
        Load bounced = load("bounced", throughPgBouncer());
        Load direct = load("direct", direct());
        System.out.printf("pgbouncer: %d instances x pool %d x %d threads, %d s: through PgBouncer (%d server"
                        + " connections, peak %d seen) %d units (%.0f/s); straight to PostgreSQL (peak %d connections) %d"
                        + " units (%.0f/s); ratio %.2f; 0 lost of %d%n",
                INSTANCES, POOL, THREADS_PER_INSTANCE, LOAD.toSeconds(), SERVER_CONNECTIONS, bounced.peakServerConnections,
                bounced.committed, bounced.perSecond(), direct.peakServerConnections, direct.committed, direct.perSecond(),
                bounced.perSecond() / direct.perSecond(), bounced.committed + direct.committed);
        assertThat(bounced.peakServerConnections).as("client backends on the server behind PgBouncer")
                .isLessThanOrEqualTo(SERVER_CONNECTIONS + 1);
    }

    private record Load(int committed, double seconds, long peakServerConnections) {
        double perSecond() {
            return committed / seconds;
        }
    }

    /** 50 instances over {@code url}, a stream of units from all of them for {@link #LOAD}; checks none is lost. */
    private Load load(String label, String url) throws Exception {
        List<CertTrack> instances = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(INSTANCES * THREADS_PER_INSTANCE);
        long booting = System.nanoTime();
        try (Connection probe = DriverManager.getConnection(server.jdbcUrl());
             Statement probing = probe.createStatement()) {
            for (int i = 0; i < INSTANCES; i++) {
                // Migrated and checked in the first test; each instance here is an application that starts on it.
                instances.add(CertTrack.builder().url(url).maximumPoolSize(POOL).connectionTimeout(Duration.ofSeconds(30))
                        .migrate(false).build());
            }
            for (CertTrack instance : instances) {
                instance.read(work -> work.engineers().count());
            }
            // Every pool full (HikariCP fills them in the background), so that both runs measure units, not connecting.
            long filled = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (instances.stream().mapToInt(instance -> ((HikariDataSource) instance.dataSource())
                    .getHikariPoolMXBean().getTotalConnections()).sum() < INSTANCES * POOL) {
                assertThat(System.nanoTime()).as(label + ": every pool full within 60 s").isLessThan(filled);
                Thread.sleep(50);
            }
            System.out.printf("pgbouncer: %s: %d instances started and warm in %d ms%n", label, INSTANCES,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - booting));
            Set<String> committed = ConcurrentHashMap.newKeySet();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger sequence = new AtomicInteger();
            List<Future<?>> streams = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (CertTrack instance : instances) {
                for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                    streams.add(threads.submit(() -> {
                        go.await();
                        while (!stop.get()) {
                            String name = label + " " + sequence.incrementAndGet();
                            try {
                                instance.useTransaction(work -> work.engineers().add(new Engineer(name, "backend", 30)));
                                committed.add(name);
                            } catch (RuntimeException | Error e) {
                                failures.add(e);
                                return null;
                            }
                        }
                        return null;
                    }));
                }
            }
            long started = System.nanoTime();
            go.countDown();
            long peak = 0;
            while (System.nanoTime() - started < LOAD.toNanos()) {
                try (ResultSet backends = probing.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
                    backends.next();
                    peak = Math.max(peak, backends.getLong(1));
                }
                Thread.sleep(100);
            }
            stop.set(true);
            for (Future<?> stream : streams) {
                stream.get(60, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            Set<String> stored = new HashSet<>(names("SELECT name FROM engineers WHERE name LIKE '" + label + " %'"));
            List<String> lost = new ArrayList<>(committed);
            lost.removeAll(stored);
            assertThat(failures).as(label + ": units that failed").isEmpty();
            assertThat(lost).as(label + ": units whose commit returned, missing on the server").isEmpty();
            assertThat(stored).as(label + ": rows on the server: the committed units, no more").hasSize(committed.size());
            return new Load(committed.size(), seconds, peak);
        } finally {
            threads.shutdownNow();
            for (CertTrack instance : instances) {
                instance.close();
            }
        }
    }

    private static String setting(UnitOfWork work, String name) {
        return (String) work.entityManager().createNativeQuery("SELECT current_setting('" + name + "')").getSingleResult();
    }

    private long scalar(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private List<String> names(String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }

    private void printLogs() {
        try {
            if (bouncer != null) {
                System.out.println(bouncer.logText());
            }
            if (server != null) {
                System.out.println(server.logText());
            }
        } catch (Exception e) {
            System.out.println("could not read a log: " + e);
        }
    }
}
