package org.certtrack.examples;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.certtrack.DatabaseUrl;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A private database for one test: in-memory H2, or a fresh PostgreSQL schema dropped on close.
 * PostgreSQL comes from {@code CERTTRACK_TEST_JDBC_URL} (or {@code -Dcerttrack.test.jdbc-url}), else
 * Testcontainers where Docker runs; without either the test skips, or fails when {@code CI=true}.
 */
final class ExampleDatabase implements AutoCloseable {

    private static PostgreSQLContainer container;

    private final String url;
    private final String dropSchema;
    private final String adminUrl;

    private ExampleDatabase(String url, String adminUrl, String dropSchema) {
        this.url = url;
        this.adminUrl = adminUrl;
        this.dropSchema = dropSchema;
    }

    static ExampleDatabase h2() {
        return new ExampleDatabase("jdbc:h2:mem:examples-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
    }

    static ExampleDatabase postgres() {
        String server = postgresServer();
        String schema = "certtrack_examples_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, "CREATE SCHEMA " + schema);
        return new ExampleDatabase(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema, server, schema);
    }

    /** A JDBC URL with credentials (tests only: never print it unmasked). */
    String url() {
        return url;
    }

    @Override
    public void close() {
        execute(dropSchema == null ? url : adminUrl, dropSchema == null ? "SHUTDOWN" : "DROP SCHEMA " + dropSchema + " CASCADE");
    }

    @Override
    public String toString() {
        return DatabaseUrl.mask(url);
    }

    private static synchronized String postgresServer() {
        String configured = System.getProperty("certtrack.test.jdbc-url", System.getenv("CERTTRACK_TEST_JDBC_URL"));
        if (configured != null && !configured.isBlank()) {
            DatabaseUrl parsed = DatabaseUrl.parse(configured);
            String jdbc = parsed.jdbcUrl();
            String separator = jdbc.contains("?") ? "&" : "?";
            if (parsed.username() != null) {
                jdbc += separator + "user=" + parsed.username();
                separator = "&";
            }
            return parsed.password() == null ? jdbc : jdbc + separator + "password=" + parsed.password();
        }
        if (container == null && DockerClientFactory.instance().isDockerAvailable()) {
            container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
        }
        if (container != null) {
            return container.getJdbcUrl() + "&user=" + container.getUsername() + "&password=" + container.getPassword();
        }
        String reason = "No PostgreSQL: set CERTTRACK_TEST_JDBC_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or run Docker";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + "; CI=true, so PostgreSQL tests must not skip");
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + " on " + DatabaseUrl.mask(url) + ": " + e.getMessage(), e);
        }
    }
}
