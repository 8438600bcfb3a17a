package org.certtrack.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.certtrack.CertTrack;
import org.certtrack.CertTrackBuilder;
import org.certtrack.DatabaseUrl;

/**
 * A private PostgreSQL schema for one benchmark, migrated by certtrack, dropped on close. The server comes
 * from {@code BENCHMARK_JDBC_URL}, else {@code CERTTRACK_TEST_JDBC_URL}, else the local default.
 */
final class BenchmarkDatabase implements AutoCloseable {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String serverUrl;
    private final String schema;

    private BenchmarkDatabase(String serverUrl, String schema) {
        this.serverUrl = serverUrl;
        this.schema = schema;
    }

    static String serverUrl() {
        String url = System.getenv("BENCHMARK_JDBC_URL");
        if (url == null || url.isBlank()) {
            url = System.getenv("CERTTRACK_TEST_JDBC_URL");
        }
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    static BenchmarkDatabase create() throws SQLException {
        String serverUrl = serverUrl();
        String schema = "certtrack_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection connection = DriverManager.getConnection(serverUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        BenchmarkDatabase database = new BenchmarkDatabase(serverUrl, schema);
        database.certTrack().build().close(); // building certtrack migrates the schema
        return database;
    }

    /** The JDBC URL of this schema, with the given extra parameters. */
    String jdbcUrl(String extraParameters) {
        String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return extraParameters.isEmpty() ? url : url + "&" + extraParameters;
    }

    /** certtrack over this schema, configured as a host application would. */
    CertTrackBuilder certTrack() {
        return CertTrack.builder().url(jdbcUrl(System.getProperty("certtrack.params", ""))).maximumPoolSize(4);
    }

    /** A plain JDBC connection to this schema, for baselines. */
    Connection connect(String extraParameters) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(extraParameters));
    }

    /** Empties certtrack's tables. */
    void truncate() throws SQLException {
        try (Connection connection = connect("");
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE certificates, engineers, instructors");
        }
    }

    /** Refreshes the planner's statistics after a bulk load, as an operator would. */
    void analyze() throws SQLException {
        try (Connection connection = connect("");
             Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    public String toString() {
        return DatabaseUrl.mask(jdbcUrl(""));
    }
}
