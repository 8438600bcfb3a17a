package org.certtrack.seed.junit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.certtrack.CertTrack;
import org.certtrack.CertTrackBuilder;
import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUrl;
import org.certtrack.seed.internal.PostgresSkipSummary;
import org.certtrack.spi.Integration;

/**
 * A private database for tests: an in-memory H2 database, or a fresh schema in a PostgreSQL database,
 * dropped by {@link #close()}. {@link CertTrackExtension} makes one per test class (inject it to point other
 * code, a second JVM or your own framework, at the same data); tests that manage their own lifecycle open
 * one directly:
 *
 * <pre>{@code
 * try (TestDatabase database = TestDatabase.postgres()) {   // skips the test when no PostgreSQL is found
 *     try (CertTrack certTrack = database.certTrack().build()) { ... }
 * }
 * }</pre>
 *
 * PostgreSQL is found through the {@value CertTrackExtension#JDBC_URL_VARIABLE} environment variable or the
 * {@value CertTrackExtension#JDBC_URL_PROPERTY} system property, else a Testcontainers PostgreSQL where
 * Docker runs. {@link #toString()} masks the password.
 */
public final class TestDatabase implements AutoCloseable {

    private static Boolean dockerAvailable;

    private final DatabaseUrl url;
    private final DatabaseUrl adminUrl;
    private final String schema;

    private TestDatabase(DatabaseUrl url, DatabaseUrl adminUrl, String schema) {
        this.url = url;
        this.adminUrl = adminUrl;
        this.schema = schema;
    }

    /** A new in-memory H2 database, private to the caller. */
    public static TestDatabase h2() {
        return new TestDatabase(DatabaseUrl.of("jdbc:h2:mem:certtrack-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", null), null, null);
    }

    /**
     * A new schema in the configured PostgreSQL, else in a Testcontainers PostgreSQL started once per JVM.
     * With neither, the calling test is aborted (skipped) with certtrack's one-line reason, or fails when
     * {@code CI=true}. Annotate the class with {@link RequiresPostgres} so that it is skipped as a whole,
     * before its lifecycle methods run.
     */
    public static TestDatabase postgres() {
        String configured = configuredUrl();
        if (configured != null) {
            return postgresSchema(DatabaseUrl.parse(configured));
        }
        DatabaseUrl container = dockerAvailable() ? Containers.postgres() : null;
        if (container != null) {
            return postgresSchema(container);
        }
        // Throws when CI=true; else says why the test cannot run.
        throw new PostgresSkipSummary.NoPostgres(
                PostgresCondition.evaluate(false, System.getenv("CI")).getReason().orElseThrow());
    }

    /**
     * Whether {@link #postgres()} finds a PostgreSQL: one is configured (it is not contacted here: a configured
     * server that is down fails the tests rather than skipping them), or Docker runs for Testcontainers.
     */
    static boolean postgresAvailable() {
        return postgresConfigured() || dockerAvailable();
    }

    /** Whether a PostgreSQL is configured by environment variable or system property (not contacted here). */
    static boolean postgresConfigured() {
        return configuredUrl() != null;
    }

    /** The configured PostgreSQL's JDBC URL (the system property wins over the variable), or null. */
    private static String configuredUrl() {
        String url = System.getProperty(CertTrackExtension.JDBC_URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(CertTrackExtension.JDBC_URL_VARIABLE);
        }
        return url == null || url.isBlank() ? null : url;
    }

    /** Whether Testcontainers is on the classpath and finds Docker; asked once per JVM. */
    private static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = Containers.dockerAvailable();
            } catch (NoClassDefFoundError e) { // Testcontainers is optional: without it, no Docker
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }

    /** A new schema in the PostgreSQL database at {@code server}, private to the caller. */
    static TestDatabase postgresSchema(DatabaseUrl server) {
        String schema = "certtrack_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        // pgjdbc is optional in certtrack-seed: without it, say which artifact to add, not "No suitable driver".
        Integration.requireDriver(server.jdbcUrl());
        try (Connection connection = connect(server);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new CertTrackException("Could not create schema " + schema + " on " + server + ": "
                    + DatabaseUrl.mask(e.getMessage()), e);
        }
        String jdbcUrl = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(DatabaseUrl.of(jdbcUrl, server.username(), server.password()), server, schema);
    }

    /** Where the database is and how to log in (password included: keep it out of logs). */
    public DatabaseUrl url() {
        return url;
    }

    /** Whether this is PostgreSQL (else H2). */
    public boolean isPostgres() {
        return url.jdbcUrl().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    /** The PostgreSQL schema this database lives in, or null on H2. */
    public String schema() {
        return schema;
    }

    /** A builder of a {@link CertTrack} over this database, with a small pool; adjust it, then build it. */
    public CertTrackBuilder certTrack() {
        return CertTrack.builder().url(url).maximumPoolSize(4);
    }

    /** A new JDBC connection to this database, for raw SQL in a test; close it. */
    public Connection connect() throws SQLException {
        return connect(url);
    }

    /** Drops the schema (PostgreSQL) or shuts the in-memory database down (H2), deleting its data. */
    @Override
    public void close() {
        try (Connection connection = connect(schema != null ? adminUrl : url);
             Statement statement = connection.createStatement()) {
            statement.execute(schema != null ? "DROP SCHEMA " + schema + " CASCADE" : "SHUTDOWN");
        } catch (SQLException e) {
            throw new CertTrackException("Could not drop " + this + ": " + DatabaseUrl.mask(e.getMessage()), e);
        }
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
