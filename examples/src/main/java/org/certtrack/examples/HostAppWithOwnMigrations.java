package org.certtrack.examples;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.PrintStream;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.certtrack.CertTrack;
import org.certtrack.DatabaseUrl;
import org.certtrack.Engineer;
import org.certtrack.Migrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * A host application with Flyway migrations of its own ({@code classpath:db/hostapp}, recorded in
 * Flyway's default {@code flyway_schema_history}) sharing one database with certtrack (whose scripts
 * record themselves in {@code certtrack_schema_history}). Both sets start at version 1 and never collide,
 * whichever runs first.
 *
 * <p>The one setting the host needs: {@code baselineOnMigrate(true)} with {@code baselineVersion("0")}.
 * When certtrack migrated first, Flyway finds a non-empty schema without its history table; baselining
 * at 0 (not Flyway's default 1) still applies the host's {@code V1}.
 *
 * <pre>java -cp examples/target/certtrack-examples.jar org.certtrack.examples.HostAppWithOwnMigrations [--certtrack-first]</pre>
 *
 * <p>Uses the database {@code DATABASE_URL} names, else an embedded H2 database in {@code ./certtrack-data/hostapp}.
 */
public final class HostAppWithOwnMigrations {

    /** Where the host application's own migrations are. */
    static final String HOST_LOCATION = "classpath:db/hostapp";

    /** Which migrations run first. */
    enum Order {
        /** The host application's, then certtrack's. */
        HOST_FIRST,
        /** certtrack's, then the host application's. */
        CERTTRACK_FIRST
    }

    private HostAppWithOwnMigrations() {
    }

    /** Migrates both schemas in the order the command line asks ({@code --certtrack-first}), then uses both. */
    public static void main(String[] args) {
        String databaseUrl = System.getenv(CertTrack.DATABASE_URL);
        DatabaseUrl database = databaseUrl == null || databaseUrl.isBlank()
                ? DatabaseUrl.of("jdbc:h2:file:./certtrack-data/hostapp", "sa", null)
                : DatabaseUrl.parse(databaseUrl);
        int status = run(args, database, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The whole example over {@code database}; returns the exit status: 0, or 2 for a bad argument. */
    static int run(String[] args, DatabaseUrl database, PrintStream out, PrintStream err) {
        Order order = Order.HOST_FIRST;
        for (String arg : args) {
            if (!arg.equals("--certtrack-first")) {
                err.println("HostAppWithOwnMigrations: unknown argument \"" + arg + "\"; the only option is --certtrack-first");
                return 2;
            }
            order = Order.CERTTRACK_FIRST;
        }
        out.println("One database, two sets of migrations, " + (order == Order.HOST_FIRST
                ? "the host app's first" : "certtrack's first") + ": " + database);
        try (HikariDataSource dataSource = pool(database)) {
            run(dataSource, order, out);
        }
        return 0;
    }

    /** Migrates the host's schema and certtrack's in the given order, writes to both, and prints their versions. */
    static void run(DataSource dataSource, Order order, PrintStream out) {
        requireNonNull(dataSource, "dataSource");
        if (order == Order.HOST_FIRST) {
            migrateHost(dataSource, out);
        }
        // CertTrack.open migrates certtrack's schema before it hands the database over.
        try (CertTrack certTrack = CertTrack.open(dataSource)) {
            // What start-up migrated says the version too: asking migrations() would build a second Flyway.
            Migrations.MigrationResult migrated = certTrack.startupMigration();
            out.println("certtrack: schema at version " + migrated.toVersion() + ", " + migrated.applied().size()
                    + " migration(s) applied now, history in " + Migrations.HISTORY_TABLE);
            if (order == Order.CERTTRACK_FIRST) {
                migrateHost(dataSource, out);
            }
            long engineers = certTrack.inTransaction(work -> {
                work.engineers().add(new Engineer("Host App User", "integration", 30));
                return work.engineers().count();
            });
            long notes = addNote(dataSource, "certtrack holds " + engineers + " engineer(s)");
            out.println("Both schemas work: " + engineers + " engineer(s) in certtrack's tables, " + notes
                    + " note(s) in the host's host_notes table.");
        }
    }

    /** The host application's Flyway: its own location, Flyway's default history table. */
    static Flyway hostFlyway(DataSource dataSource) {
        return Flyway.configure(HostAppWithOwnMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(HOST_LOCATION)
                // certtrack's tables may be there first: baseline below V1 so that V1 still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    private static void migrateHost(DataSource dataSource, PrintStream out) {
        Flyway flyway = hostFlyway(dataSource);
        int applied = flyway.migrate().migrationsExecuted;
        MigrationInfo current = flyway.info().current();
        out.println("host app: schema at version " + current.getVersion() + ", " + applied
                + " migration(s) applied now, history in " + flyway.getConfiguration().getTable());
    }

    private static long addNote(DataSource dataSource, String body) {
        try (var connection = dataSource.getConnection()) {
            long next;
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM host_notes")) {
                rows.next();
                next = rows.getLong(1);
            }
            try (var insert = connection.prepareStatement("INSERT INTO host_notes (id, body) VALUES (?, ?)")) {
                insert.setLong(1, next);
                insert.setString(2, body);
                insert.executeUpdate();
            }
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT COUNT(*) FROM host_notes")) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write to host_notes: " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(DatabaseUrl database) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("host-app");
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
