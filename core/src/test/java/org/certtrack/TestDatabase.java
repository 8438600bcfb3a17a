package org.certtrack;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A private database for one test class: an in-memory H2 database, or a fresh schema in PostgreSQL.
 *
 * <p>PostgreSQL is found through the {@code CERTTRACK_TEST_JDBC_URL} environment variable (or the
 * {@code certtrack.test.jdbc-url} system property), else through Testcontainers where Docker runs, else
 * the test is skipped with a one-line reason; with {@code CI=true} a missing PostgreSQL fails instead. Classes
 * that open PostgreSQL carry {@link RequiresPostgres}, so that they are skipped as a whole.
 *
 * <p><b>Not for use outside core's tests.</b> A copy, cut to what core's tests use, of certtrack-seed's
 * public {@code org.certtrack.seed.junit.TestDatabase}: core cannot depend on certtrack-seed, which depends
 * on core. Use certtrack-seed's.
 */
final class TestDatabase implements AutoCloseable {

    static final String JDBC_URL_VARIABLE = "CERTTRACK_TEST_JDBC_URL";

    private static PostgreSQLContainer container;
    private static Boolean dockerAvailable;

    private final String jdbcUrl;
    private final String adminUrl;
    private final String schema;

    private TestDatabase(String jdbcUrl, String adminUrl, String schema) {
        this.jdbcUrl = jdbcUrl;
        this.adminUrl = adminUrl;
        this.schema = schema;
    }

    static TestDatabase h2() {
        return new TestDatabase("jdbc:h2:mem:certtrack-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
    }

    static TestDatabase postgres() {
        String base = postgresUrl();
        String schema = "certtrack_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(base);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema + " on "
                    + DatabaseUrl.mask(base) + ": " + e.getMessage(), e);
        }
        return new TestDatabase(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, base, schema);
    }

    private static synchronized String postgresUrl() {
        String configured = configuredUrl();
        if (configured != null) {
            return withCredentials(DatabaseUrl.parse(configured));
        }
        if (container == null && dockerAvailable()) {
            container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
        }
        if (container != null) {
            return container.getJdbcUrl() + "&user=" + container.getUsername() + "&password=" + container.getPassword();
        }
        // Throws when CI=true; else says why the test cannot run (RequiresPostgres skips whole classes first).
        throw new PostgresSkipSummary.NoPostgres(
                PostgresCondition.evaluate(false, PostgresSkipSummary.REASON).getReason().orElseThrow());
    }

    /**
     * Whether {@link #postgres()} finds a PostgreSQL: one is configured (not contacted here: a configured server
     * that is down fails the tests rather than skipping them), or Docker runs for Testcontainers.
     */
    static boolean postgresAvailable() {
        return configuredUrl() != null || dockerAvailable();
    }

    private static String configuredUrl() {
        String configured = System.getProperty("certtrack.test.jdbc-url", System.getenv(JDBC_URL_VARIABLE));
        return configured == null || configured.isBlank() ? null : configured;
    }

    /** Whether Testcontainers finds Docker; asked once per JVM. */
    private static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
        }
        return dockerAvailable;
    }

    private static String withCredentials(DatabaseUrl url) {
        StringBuilder jdbc = new StringBuilder(url.jdbcUrl());
        char separator = url.jdbcUrl().contains("?") ? '&' : '?';
        if (url.username() != null) {
            jdbc.append(separator).append("user=").append(url.username());
            separator = '&';
        }
        if (url.password() != null) {
            jdbc.append(separator).append("password=").append(url.password());
        }
        return jdbc.toString();
    }

    /** The JDBC URL of this private database (with credentials, for tests only). */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /** A small connection pool of its own to this database, as another process would open; close it. */
    HikariDataSource newPool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(jdbcUrl);
        pool.setMaximumPoolSize(2);
        return pool;
    }

    /** The PostgreSQL schema of this database (null on H2). */
    String schema() {
        return schema;
    }

    /** A JDBC URL to the server this schema lives in, as its administrator, without choosing a schema. */
    String adminUrl() {
        return adminUrl;
    }

    /** The JDBC URL of this private PostgreSQL schema, logging in as another user. */
    String jdbcUrlAs(String user, String password) {
        String base = DatabaseUrl.parse(adminUrl).jdbcUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user=" + user + "&password=" + password;
    }

    boolean isPostgres() {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    /** A certtrack over this database that checks Hibernate's mapping against the migrated schema. */
    CertTrackBuilder certTrack() {
        return CertTrack.builder()
                .url(jdbcUrl)
                .maximumPoolSize(4)
                .property("hibernate.hbm2ddl.auto", "validate");
    }

    @Override
    public void close() throws SQLException {
        if (schema != null) {
            try (Connection connection = DriverManager.getConnection(adminUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        } else {
            try (Connection connection = DriverManager.getConnection(jdbcUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    @Override
    public String toString() {
        return DatabaseUrl.mask(jdbcUrl);
    }
}
