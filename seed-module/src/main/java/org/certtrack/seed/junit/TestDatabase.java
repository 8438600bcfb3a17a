package org.certtrack.seed.junit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.certtrack.CertTrack;
import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUrl;

/**
 * The private database {@link CertTrackExtension} made for one test class: an in-memory H2 database, or a
 * fresh schema in a PostgreSQL database, dropped after the class. Inject it to point other code (a second
 * JVM, your own framework) at the same data. {@link #toString()} masks the password.
 */
public final class TestDatabase {

    private final DatabaseUrl url;
    private final DatabaseUrl adminUrl;
    private final String schema;

    private TestDatabase(DatabaseUrl url, DatabaseUrl adminUrl, String schema) {
        this.url = url;
        this.adminUrl = adminUrl;
        this.schema = schema;
    }

    /** A new in-memory H2 database, private to the caller. */
    static TestDatabase h2() {
        return new TestDatabase(new DatabaseUrl("jdbc:h2:mem:certtrack-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", null), null, null);
    }

    /** A new schema in the PostgreSQL database at {@code server}, private to the caller. */
    static TestDatabase postgresSchema(DatabaseUrl server) {
        String schema = "certtrack_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = connect(server);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new CertTrackException("Could not create schema " + schema + " on " + server + ": "
                    + DatabaseUrl.mask(e.getMessage()), e);
        }
        String jdbcUrl = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(new DatabaseUrl(jdbcUrl, server.username(), server.password()), server, schema);
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
    public CertTrack.Builder certTrack() {
        return CertTrack.builder().url(url).maximumPoolSize(4);
    }

    /** Drops the schema (PostgreSQL) or shuts the in-memory database down (H2), deleting its data. */
    void drop() {
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
