package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.certtrack.CertTrack;
import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUrl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** certtrack-core with pgjdbc and without H2, as an application on PostgreSQL only declares it. */
class PostgresqlOnlyTest {

    private static final String VARIABLE = "CERTTRACK_TEST_JDBC_URL";

    @TempDir
    Path directory;

    @Test
    void h2IsNotOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.h2.Driver"),
                "certtrack-core brought H2 to a PostgreSQL-only application");
    }

    @Test
    void theEmbeddedDatabaseNamesTheDriverToAdd() {
        Path database = directory.resolve("certtrack");
        CertTrackException e = assertThrows(CertTrackException.class,
                () -> CertTrack.builder().embedded(database).build());
        assertEquals("No JDBC driver for jdbc:h2:file:" + database.toAbsolutePath().normalize()
                + " on the classpath: add com.h2database:h2 (certtrack-dependencies or your platform, such as Spring Boot, manages its version)", e.getMessage());
    }

    @Test
    void writesAndReadsAnEngineerOnPostgresql() throws SQLException {
        DatabaseUrl server = configuredServer();
        // A schema of its own, so that it never meets another test's tables.
        String schema = "consumer_postgresql_only_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, "CREATE SCHEMA " + schema);
        try {
            DatabaseUrl url = DatabaseUrl.of(server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?")
                    + "currentSchema=" + schema, server.username(), server.password());
            try (CertTrack certTrack = CertTrack.builder().url(url).maximumPoolSize(2).build()) {
                long id = Engineers.add(certTrack, "Grace Hopper");
                assertEquals("Grace Hopper", Engineers.name(certTrack, id),
                        "the engineer written in schema " + schema);
            }
        } finally {
            execute(server, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** The PostgreSQL named by CERTTRACK_TEST_JDBC_URL; without it the test is skipped, or fails when CI=true. */
    private static DatabaseUrl configuredServer() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            String reason = VARIABLE + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + "; CI=true, so this test must not skip");
            }
            Assumptions.abort(reason + ": skipped");
        }
        return DatabaseUrl.parse(url);
    }

    private static void execute(DatabaseUrl server, String sql) throws SQLException {
        Properties login = new Properties();
        if (server.username() != null) {
            login.setProperty("user", server.username());
        }
        if (server.password() != null) {
            login.setProperty("password", server.password());
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), login);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
