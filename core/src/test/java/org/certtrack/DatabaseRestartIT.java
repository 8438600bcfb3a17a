package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The database restarts while certtrack's pool is open. The test starts a throwaway PostgreSQL cluster of
 * its own ({@code initdb} and {@code pg_ctl} on a free loopback port in a temporary directory, as the
 * {@code postgres} user when the test runs as root), never the shared server. During the outage every
 * unit of work fails with a {@link DatabaseUnavailableException} within the connection timeout; once the
 * database is back, the same {@link CertTrack} works again without a restart. It runs with the other
 * PostgreSQL tests ({@link RequiresPostgres}), and needs the server binaries besides.
 */
@RequiresPostgres
@ExtendWith(DatabaseRestartIT.ServerBinaries.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRestartIT {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private Path directory;
    private Path data;
    private int port;
    private boolean asPostgresUser;

    @BeforeAll
    void startThrowawayCluster() throws Exception {
        asPostgresUser = "root".equals(System.getProperty("user.name"));
        directory = Files.createTempDirectory("certtrack-restart-");
        data = directory.resolve("data");
        if (asPostgresUser) {
            run(false, "chown", "postgres", directory.toString()); // initdb refuses to run as root
        }
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        run(true, BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync");
        start();
    }

    /** Skips the class, before it starts anything, where {@code initdb} and {@code pg_ctl} are missing (fails it in CI). */
    static final class ServerBinaries implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return PostgresCondition.evaluate(Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl")),
                    "certtrack: no PostgreSQL server binaries in " + BIN + " to start a throwaway cluster");
        }
    }

    @AfterAll
    void removeThrowawayCluster() throws Exception {
        if (data != null && Files.exists(data.resolve("postmaster.pid"))) {
            run(true, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void operationsFailCleanlyDuringARestartAndWorkAgainAfterIt() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        try (CertTrack certTrack = CertTrack.builder().url(url).maximumPoolSize(4).connectionTimeout(TIMEOUT).build()) {
            for (int i = 0; i < 8; i++) {
                String name = "Before " + i;
                certTrack.useTransaction(work -> work.engineers().add(new Engineer(name, "backend", 30)));
            }

            stop();
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

            start();
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
            for (int i = 0; i < 20; i++) {
                certTrack.useTransaction(work -> work.engineers().getById(work.engineers().findAll(PageRequest.first(1)).get(0).getId()));
            }
            long engineers = certTrack.inTransaction(work -> work.engineers().count());

            System.out.printf("database restart: %d units during the outage each failed cleanly in %s ms (timeout %d ms);"
                            + " after the restart %d failed on stale connections, the first success took %d ms, then 20 of 20 succeeded%n",
                    outageMillis.size(), outageMillis, TIMEOUT.toMillis(), failuresAfterRestart, recoveryMillis);
            assertThat(outageMillis).as("time each unit took to fail during the outage")
                    .allSatisfy(millis -> assertThat(millis).isLessThan(TIMEOUT.toMillis() + 3000));
            assertThat(engineers).as("8 written before, none during, 1 after").isEqualTo(9);
        }
    }

    private void start() throws Exception {
        run(true, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", directory.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    private void stop() throws Exception {
        run(true, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    private void run(boolean asServerUser, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asServerUser && asPostgresUser) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
        }
    }
}
