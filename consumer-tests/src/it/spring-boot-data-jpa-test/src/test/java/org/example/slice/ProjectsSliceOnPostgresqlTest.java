package org.example.slice;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On the PostgreSQL named by CERTTRACK_TEST_JDBC_URL, in a schema of its own; without it the class is
 * skipped, or fails when CI=true. The slice keeps the application's DataSource (replace = NONE).
 */
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ProjectsSliceOnPostgresqlTest extends ProjectsSliceContract {

    private static final String SCHEMA = "consumer_slice_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static String server;

    @BeforeAll
    static void createSchema() throws SQLException {
        server = System.getenv("CERTTRACK_TEST_JDBC_URL");
        if (server == null || server.isBlank()) {
            String reason = "CERTTRACK_TEST_JDBC_URL is not set (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + "; CI=true, so this test must not skip");
            }
            Assumptions.abort(reason + ": skipped");
        }
        execute("CREATE SCHEMA " + SCHEMA);
    }

    @DynamicPropertySource
    static void dataSource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> server + (server.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (server != null && !server.isBlank()) {
            execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
