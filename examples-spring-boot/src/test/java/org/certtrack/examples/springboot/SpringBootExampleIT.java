package org.certtrack.examples.springboot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.certtrack.DatabaseUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SpringBootExampleContract} on PostgreSQL, in a fresh schema dropped afterwards. PostgreSQL comes
 * from {@code CERTTRACK_TEST_JDBC_URL}; without it the class skips, or fails when {@code CI=true}.
 */
@DirtiesContext
class SpringBootExampleIT extends SpringBootExampleContract {

    private static final String SCHEMA = "certtrack_spring_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static DatabaseUrl server;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) throws SQLException {
        server = DatabaseUrl.parse(configuredUrl());
        execute("CREATE SCHEMA " + SCHEMA);
        String jdbcUrl = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        properties.add("spring.datasource.url", () -> jdbcUrl);
        properties.add("spring.datasource.username", server::username);
        properties.add("spring.datasource.password", () -> server.password() == null ? "" : server.password());
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (server != null) {
            execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private static String configuredUrl() {
        String url = System.getProperty("certtrack.test.jdbc-url", System.getenv("CERTTRACK_TEST_JDBC_URL"));
        if (url == null || url.isBlank()) {
            String reason = "No PostgreSQL: set CERTTRACK_TEST_JDBC_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; CI=true, so PostgreSQL tests must not skip");
            }
            Assumptions.abort(reason);
        }
        return url;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
