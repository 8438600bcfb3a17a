package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap: each way in hands back a migrated, ready database, and close() releases it. */
class CertTrackTest {

    @Test
    void theEmbeddedDefaultIsAFileDatabaseThatOutlivesTheProcess(@TempDir Path directory) {
        Path path = directory.resolve("certtrack");
        try (CertTrack certTrack = CertTrack.builder().embedded(path).build()) {
            certTrack.useTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)));
        }
        assertThat(Files.exists(directory.resolve("certtrack.mv.db"))).isTrue();
        try (CertTrack reopened = CertTrack.builder().embedded(path).build()) {
            assertThat(reopened.startupMigration().applied()).as("already migrated").isEmpty();
            long count = reopened.inTransaction(work -> work.engineers().count());
            assertThat(count).isEqualTo(1);
        }
    }

    @Test
    void hibernateCreatesNoTablesOfItsOwn(@TempDir Path directory) throws Exception {
        try (CertTrack certTrack = CertTrack.builder().embedded(directory.resolve("certtrack")).build();
             var connection = certTrack.dataSource().getConnection();
             var tables = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE", "GLOBAL TEMPORARY"})) {
            var names = new java.util.ArrayList<String>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            assertThat(names).as("the tables in certtrack's schema: Flyway's alone, no Hibernate temporary tables")
                    .containsExactlyInAnyOrder("ENGINEERS", "CERTIFICATES", "INSTRUCTORS", "certtrack_schema_history");
        }
    }

    @Test
    void theEmbeddedPathComesFromASystemProperty(@TempDir Path directory) {
        String previous = System.setProperty(CertTrack.EMBEDDED_PATH_PROPERTY, directory.resolve("db").toString());
        try (CertTrack certTrack = CertTrack.embedded()) {
            assertThat(certTrack.migrations().currentVersion()).contains(MigrationsContract.LATEST_VERSION);
        } finally {
            if (previous == null) {
                System.clearProperty(CertTrack.EMBEDDED_PATH_PROPERTY);
            } else {
                System.setProperty(CertTrack.EMBEDDED_PATH_PROPERTY, previous);
            }
        }
        assertThat(Files.exists(directory.resolve("db.mv.db"))).isTrue();
    }

    @Test
    void aCallersDataSourceIsMigratedButNotClosed() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:callers;DB_CLOSE_DELAY=-1");
        try (CertTrack certTrack = CertTrack.open(dataSource)) {
            assertThat(certTrack.dataSource()).isSameAs(dataSource);
            assertThat(certTrack.migrations().currentVersion()).contains(MigrationsContract.LATEST_VERSION);
        }
        try (Connection stillUsable = dataSource.getConnection()) {
            assertThat(stillUsable.isValid(1)).isTrue();
        }
    }

    @Test
    void closeReleasesThePoolCerttrackMade() {
        CertTrack certTrack = CertTrack.open("jdbc:h2:mem:pooled;DB_CLOSE_DELAY=-1");
        HikariDataSource pool = (HikariDataSource) certTrack.dataSource();
        assertThat(pool.isRunning()).isTrue();
        certTrack.close();
        assertThat(pool.isClosed()).isTrue();
        assertThat(certTrack.entityManagerFactory().isOpen()).isFalse();
    }

    @ParameterizedTest(name = "connection timeout {0} ms")
    @ValueSource(ints = {500, 2000})
    void aPortNobodyListensOnFailsWithinTheConfiguredTimeoutWithoutShowingThePassword(int timeoutMillis) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertFailsWithin(Duration.ofMillis(timeoutMillis), "postgresql://certs:hunter2@127.0.0.1:" + closedPort + "/certtrack");
    }

    @Test
    void aServerThatAcceptsButNeverAnswersFailsWithinTheTimeoutInsteadOfHanging() throws IOException {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertFailsWithin(Duration.ofSeconds(1), "postgresql://certs:hunter2@127.0.0.1:" + silent.getLocalPort() + "/certtrack");
            assertThat(accepted).as("the driver did reach the silent server").isNotEmpty();
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private static void assertFailsWithin(Duration timeout, String url) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> CertTrack.builder().url(url).connectionTimeout(timeout).build())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("Could not connect to jdbc:postgresql://127.0.0.1:")
                .hasMessageContaining("within connectionTimeout (" + timeout.toMillis() + " ms)")
                .hasMessageNotContaining("hunter2");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("unreachable database (%s) with a %d ms timeout: failed after %d ms%n",
                url.replace("hunter2", "****"), timeout.toMillis(), took.toMillis());
        assertThat(took).as("time to fail with a %d ms timeout", timeout.toMillis())
                .isLessThan(timeout.plusSeconds(5));
    }

    @Test
    void aMalformedUrlNamesTheProblemWithoutThePassword() {
        assertThatThrownBy(() -> CertTrack.open("postgresql//certs:hunter2@localhost/db"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("DATABASE_URL must look like")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aBuilderWithoutADatabaseSaysWhatIsMissing() {
        assertThatThrownBy(() -> CertTrack.builder().build()).hasMessageContaining("dataSource(...), url(...) or embedded(...)");
    }

    @Test
    void toStringMasksThePassword() {
        try (CertTrack certTrack = CertTrack.builder()
                .url(DatabaseUrl.of("jdbc:h2:mem:masked;DB_CLOSE_DELAY=-1", "sa", "hunter2")).build()) {
            assertThat(certTrack.toString()).contains("jdbc:h2:mem:masked").doesNotContain("hunter2");
        }
    }

    @Test
    void aValidationTimeoutLongerThanTheConnectionTimeoutIsRejectedAtBuild() {
        assertThatThrownBy(() -> CertTrack.builder().url("jdbc:h2:mem:limits;DB_CLOSE_DELAY=-1")
                .connectionTimeout(Duration.ofSeconds(2)).validationTimeout(Duration.ofSeconds(3)).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("validationTimeout must not exceed connectionTimeout (2000 ms)")
                .hasFieldOrPropertyWithValue("field", "validationTimeout");
    }

    @Test
    void aSocketTimeoutNotLongerThanTheQueryTimeoutIsRejectedAtBuild() {
        assertThatThrownBy(() -> CertTrack.builder().url("jdbc:h2:mem:limits;DB_CLOSE_DELAY=-1")
                .queryTimeout(Duration.ofSeconds(60)).socketTimeout(Duration.ofSeconds(60)).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("socketTimeout must be longer than queryTimeout (60 s)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PT0S", "PT0.5S", "PT1.5S", "PT-1S"})
    void queryAndSocketTimeoutsMustBeWholeSeconds(String value) {
        Duration timeout = Duration.parse(value);
        assertThatThrownBy(() -> CertTrack.builder().queryTimeout(timeout))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("queryTimeout must be a whole number of seconds, at least 1 s, but was " + value);
        assertThatThrownBy(() -> CertTrack.builder().socketTimeout(timeout))
                .hasMessageStartingWith("socketTimeout must be a whole number of seconds");
    }

    @Test
    void theDefaultValidationTimeoutIsHalfTheConnectionTimeoutAtMostFiveSeconds() {
        try (CertTrack certTrack = CertTrack.builder().url("jdbc:h2:mem:validation;DB_CLOSE_DELAY=-1")
                .connectionTimeout(Duration.ofSeconds(2)).build()) {
            assertThat(((com.zaxxer.hikari.HikariDataSource) certTrack.dataSource()).getValidationTimeout()).isEqualTo(1000);
        }
        try (CertTrack certTrack = CertTrack.builder().url("jdbc:h2:mem:validation2;DB_CLOSE_DELAY=-1")
                .connectionTimeout(Duration.ofSeconds(30)).build()) {
            assertThat(((com.zaxxer.hikari.HikariDataSource) certTrack.dataSource()).getValidationTimeout()).isEqualTo(5000);
        }
    }
}
