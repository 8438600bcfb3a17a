package org.certtrack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.certtrack.internal.LockWaits;
import org.certtrack.internal.SchemaCheck;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * certtrack's schema migrations (the SQL scripts of {@code certtrack-migrations}) applied to a
 * {@link DataSource}. They live under their own classpath location and record themselves in their own
 * history table, so a host application's Flyway migrations in the same database never collide with them.
 *
 * <pre>{@code
 * Migrations.MigrationResult result = Migrations.of(dataSource).migrate();
 * System.out.println("certtrack schema now at version " + result.toVersion());
 * }</pre>
 */
public final class Migrations {

    /** Where the SQL scripts that run unchanged on every supported database are on the classpath. */
    public static final String LOCATION = "classpath:org/certtrack/db/migration";
    /**
     * Where the scripts written for one database are: this followed by {@code h2} or {@code postgresql}.
     * A version lives either here, once per database, or in {@link #LOCATION}, never in both. (Not a
     * subfolder of {@link #LOCATION}: Flyway scans locations recursively.)
     */
    public static final String VENDOR_LOCATION = "classpath:org/certtrack/db/vendor/";
    /** How long a migration waits for a lock on certtrack's tables unless told otherwise: {@link #lockTimeout}. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    /** The table in which Flyway records certtrack's applied migrations. */
    public static final String HISTORY_TABLE = "certtrack_schema_history";
    private static final String DROP_SCRIPT = "org/certtrack/db/drop_certtrack_schema.sql";
    /** What {@link #DROP_SCRIPT} cannot say in SQL both databases accept; run after it when present. */
    private static final String VENDOR_DROP_SCRIPT = "org/certtrack/db/drop_certtrack_schema_%s.sql";

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private final DataSource dataSource;
    private final boolean rebuildAllowed;
    private final Duration lockTimeout;
    private volatile String vendor;

    private Migrations(DataSource dataSource, boolean rebuildAllowed, Duration lockTimeout) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.rebuildAllowed = rebuildAllowed;
        this.lockTimeout = lockTimeout;
    }

    /** certtrack's migrations for the given database. */
    public static Migrations of(DataSource dataSource) {
        return new Migrations(dataSource, false, DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * The same migrations, waiting at most {@code lockTimeout} for each lock they need (default
     * {@link #DEFAULT_LOCK_TIMEOUT}, 10 s). A migration changes a table under a lock that other sessions'
     * reads and writes of that table queue behind; behind another application's open transaction it would
     * wait for as long as that transaction lasts, and every other session with it. Once the wait reaches
     * {@code lockTimeout}, the migration is rolled back and {@link #migrate()} throws a
     * {@link TimedOutException} naming {@code lockTimeout} and the sessions that held locks on certtrack's
     * tables; the schema stays at the version before, and the next {@code migrate()} tries again.
     *
     * <p>PostgreSQL's {@code lock_timeout}, set on each connection Flyway migrates through and reset when
     * Flyway closes it. On H2 it does nothing: H2 bounds every lock wait with its own {@code LOCK_TIMEOUT}
     * (a URL setting, {@code ;LOCK_TIMEOUT=10000}; H2's default is 2 s), which certtrack leaves as the URL has it.
     *
     * @throws InvalidValueException unless {@code lockTimeout} is between 1 ms and 1 hour
     */
    public Migrations lockTimeout(Duration lockTimeout) {
        return new Migrations(dataSource, rebuildAllowed, validLockTimeout(lockTimeout));
    }

    static Duration validLockTimeout(Duration lockTimeout) {
        requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.toMillis() < 1 || lockTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidValueException("lockTimeout", "must be between 1 ms and 1 hour", lockTimeout);
        }
        return lockTimeout;
    }

    /**
     * The same migrations, permitted to {@link #rebuildTo rebuild} the schema, which <strong>deletes every
     * engineer, certificate and instructor</strong>. For development and test databases only; never call
     * it in code that can reach a production database.
     */
    public Migrations dangerouslyAllowingRebuild() {
        return new Migrations(dataSource, true, lockTimeout);
    }

    /**
     * Applies the pending migrations.
     *
     * @throws TimedOutException  naming {@code lockTimeout} and the sessions holding locks on certtrack's
     *                            tables, if a migration waited that long for a lock (PostgreSQL); it was
     *                            rolled back, and the ones before it stay applied
     * @throws CertTrackException naming the script, if a script fails or an applied one was altered;
     *                            nothing is migrated then
     */
    public MigrationResult migrate() {
        return migrate(flyway(null, !schemaIsEmpty()).load());
    }

    /**
     * Applies the migrations that this database's history skipped, after the newer ones it has, and then any
     * pending ones: the way to bring up to date a database whose certtrack history was written by Spring's
     * Flyway on {@link #LOCATION} alone (the hand-wired recipe before the Spring Boot starter), which never
     * ran the per-database scripts under {@link #VENDOR_LOCATION} (versions 4, 6 and 8). {@link #migrate()} and
     * start-up refuse such a history and name the skipped versions. Run it once, with the schema owner's
     * credentials, then start as usual; on an up-to-date database it applies nothing.
     *
     * @throws CertTrackException naming the script, if a script fails or an applied one was altered
     */
    public MigrationResult applySkipped() {
        return migrate(flyway(null, !schemaIsEmpty()).outOfOrder(true).load());
    }

    /** The version the schema is at, or empty when certtrack's migrations have never run. */
    public Optional<String> currentVersion() {
        try {
            MigrationInfo current = flyway(null, false).load().info().current();
            return current == null || current.getVersion() == null
                    ? Optional.empty()
                    : Optional.of(current.getVersion().getVersion());
        } catch (FlywayException e) {
            throw failure("read certtrack's schema version", e);
        }
    }

    /**
     * Checks that the applied migrations match the scripts on the classpath and none is pending.
     *
     * @throws CertTrackException naming each script that is altered, missing or pending
     */
    public void validate() {
        ValidateResult result;
        try {
            result = flyway(null, false).load().validateWithResult();
        } catch (FlywayException e) {
            throw failure("validate certtrack's schema", e);
        }
        if (!result.validationSuccessful) {
            throw new CertTrackException(describe("certtrack's schema does not match its migrations:", result));
        }
    }

    /**
     * Checks that certtrack's tables are still as its migrations made them: every column with its type,
     * length and nullability, every named primary key, CHECK and foreign key constraint (with the foreign
     * keys' delete rules), every named index with its columns (and whether it is unique, partial or
     * invalid), and the triggers of migrations V4 and V8 with what they call (on PostgreSQL the function
     * and its body, on H2 the Java class). Columns,
     * indexes and constraints someone else added are not differences; CHECK expressions are compared by
     * name only. Start-up runs it after migrating.
     *
     * @throws CertTrackException naming each difference: a renamed, dropped or retyped column, a dropped
     *                            constraint, index or trigger, a replaced trigger function
     */
    public void verifySchema() {
        SchemaCheck.verify(dataSource);
    }

    private static String describe(String headline, ValidateResult result) {
        StringBuilder message = new StringBuilder(headline);
        for (ValidateOutput invalid : result.invalidMigrations) {
            message.append("\n  ").append(invalid.filepath == null || invalid.filepath.isEmpty()
                            ? "version " + invalid.version : invalid.filepath)
                    .append(": ").append(invalid.errorDetails.errorMessage);
        }
        return message.toString();
    }

    /**
     * Drops certtrack's tables, sequences and history (and nothing else in the database), then migrates
     * up to {@code version}, to try a migration again or go back to an earlier schema. Deletes certtrack's data.
     *
     * @throws IllegalStateException unless these migrations came from {@link #dangerouslyAllowingRebuild()}
     */
    public MigrationResult rebuildTo(String version) {
        requireNonNull(version, "version");
        if (!rebuildAllowed) {
            throw new IllegalStateException("rebuildTo(\"" + version + "\") drops certtrack's tables and their data;"
                    + " call dangerouslyAllowingRebuild() first, and only on a development database");
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : dropStatements(DROP_SCRIPT, true)) {
                statement.execute(sql);
            }
            for (String sql : dropStatements(VENDOR_DROP_SCRIPT.formatted(vendor(connection)), false)) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new CertTrackException("Could not drop certtrack's schema: " + DatabaseUrl.mask(e.getMessage()), e);
        }
        return migrate(flyway(version, !schemaIsEmpty()).load());
    }

    private MigrationResult migrate(Flyway flyway) {
        MigrateResult result;
        try {
            if ("postgresql".equals(vendor())) {
                List<String> retried = LockWaits.forgetFailedAttempts(flyway, dataSource, HISTORY_TABLE);
                if (!retried.isEmpty()) {
                    log.info("certtrack's migration(s) {} failed before, outside a transaction; running them again", retried);
                }
            }
            result = flyway.migrate();
        } catch (FlywayValidateException e) {
            throw alteredScripts(e);
        } catch (SQLException e) {
            throw new CertTrackException("Could not clear a failed migration from " + HISTORY_TABLE + ": "
                    + DatabaseUrl.mask(e.getMessage()), e);
        } catch (FlywayException e) {
            TimedOutException timedOut = LockWaits.timedOut(e, dataSource, lockTimeout, versionAfterFailure());
            throw timedOut != null ? timedOut : failure("migrate certtrack's schema", e);
        }
        List<Applied> applied = result.migrations.stream()
                .map(output -> new Applied(output.version, output.description, output.filepath))
                .toList();
        // Flyway reports the version reached; when nothing was pending, the version it found.
        String toVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new MigrationResult(result.initialSchemaVersion, toVersion, applied);
    }

    /** What a failed migration left, in words, for its exception's message. */
    private String versionAfterFailure() {
        try {
            return currentVersion().map(version -> "the schema stays at version " + version)
                    .orElse("the schema stays without certtrack's tables");
        } catch (CertTrackException e) {
            return "the schema's version could not be read";
        }
    }

    /**
     * certtrack's Flyway, migrating up to {@code target} (null: the latest).
     *
     * @param baseline whether a schema that holds tables but no certtrack history gets a baseline at version 0,
     *                 so that certtrack's version 1 still applies beside a host application's tables. Only then:
     *                 on an empty schema two processes starting at once would both try to baseline the history
     *                 table the first one creates, and the second fails, where creating it is safe under
     *                 Flyway's lock.
     */
    private FluentConfiguration flyway(String target, boolean baseline) {
        var configuration = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION, VENDOR_LOCATION + vendor())
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .baselineOnMigrate(baseline)
                .baselineVersion("0");
        if (target != null) {
            configuration.target(target);
        }
        if ("postgresql".equals(vendor())) {
            LockWaits.configure(configuration, dataSource, lockTimeout);
        }
        return configuration;
    }

    /**
     * Whether the schema certtrack migrates (the connection's current one) holds no table at all. It also
     * learns the database's vendor on the same connection, so that migrating opens one connection of its own.
     */
    private boolean schemaIsEmpty() {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                     new String[] {"TABLE"})) {
            if (vendor == null) {
                vendor = vendor(connection);
            }
            return !tables.next();
        } catch (SQLException e) {
            throw new CertTrackException("Could not connect to migrate certtrack's schema: " + DatabaseUrl.mask(e.getMessage()), e);
        }
    }

    /**
     * The folder under {@link #VENDOR_LOCATION} for this database: {@code h2} or {@code postgresql}.
     *
     * @throws CertTrackException if the database is neither, or cannot be reached
     */
    private String vendor() {
        if (vendor != null) {
            return vendor;
        }
        try (Connection connection = dataSource.getConnection()) {
            vendor = vendor(connection);
            return vendor;
        } catch (SQLException e) {
            throw new CertTrackException("Could not connect to migrate certtrack's schema: " + DatabaseUrl.mask(e.getMessage()), e);
        }
    }

    private static String vendor(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return "h2";
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return "postgresql";
        }
        throw new CertTrackException("certtrack's migrations support H2 and PostgreSQL, but the database is " + product);
    }

    private static List<String> dropStatements(String script, boolean required) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                if (!required) {
                    return List.of();
                }
                throw new CertTrackException(script + " is not on the classpath: add certtrack-migrations");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("--"))
                    .map(line -> line.endsWith(";") ? line.substring(0, line.length() - 1) : line)
                    .toList();
        } catch (IOException e) {
            throw new CertTrackException("Could not read " + script, e);
        }
    }

    /** Names the applied scripts that no longer match the classpath (Flyway's own message gives versions only). */
    private CertTrackException alteredScripts(FlywayValidateException e) {
        try {
            ValidateResult result = flyway(null, false)
                    .ignoreMigrationPatterns("*:pending")
                    .load()
                    .validateWithResult();
            List<String> skipped = result.invalidMigrations.stream()
                    .filter(invalid -> invalid.errorDetails != null
                            && invalid.errorDetails.errorCode == CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED)
                    .map(invalid -> invalid.version)
                    .toList();
            if (!skipped.isEmpty() && skipped.size() == result.invalidMigrations.size()) {
                return new CertTrackException("Could not migrate certtrack's schema, nothing was migrated: its history"
                        + " skips migration(s) " + String.join(", ", skipped) + ", which are older than the version it"
                        + " is at and were never applied. A history written by Spring's Flyway on " + LOCATION
                        + " alone (the recipe before the Spring Boot starter) misses the per-database scripts under "
                        + VENDOR_LOCATION + vendor() + ". Apply them once with Migrations.of(dataSource).applySkipped()"
                        + " (see CHANGELOG.md, \"From Spring's Flyway to the starter\"), then start again.", e);
            }
            if (!result.validationSuccessful && !result.invalidMigrations.isEmpty()) {
                return new CertTrackException(describe("Could not migrate certtrack's schema, nothing was migrated:"
                        + " an applied migration no longer matches its script (scripts must never change once applied;"
                        + " add a new version instead)", result), e);
            }
        } catch (FlywayException ignored) {
            // Fall back to Flyway's own message.
        }
        return failure("migrate certtrack's schema", e);
    }

    private static CertTrackException failure(String what, FlywayException e) {
        return new CertTrackException("Could not " + what + ": " + DatabaseUrl.mask(e.getMessage()), e);
    }

    /** What {@link #migrate()} or {@link #rebuildTo} did. (Until 0.2.0 it was a record.) */
    public static final class MigrationResult {

        private final String fromVersion;
        private final String toVersion;
        private final List<Applied> applied;

        MigrationResult(String fromVersion, String toVersion, List<Applied> applied) {
            this.fromVersion = fromVersion;
            this.toVersion = toVersion;
            this.applied = List.copyOf(applied);
        }

        /** The schema version before, or null for a new schema. */
        public String fromVersion() {
            return fromVersion;
        }

        /** The schema version after, or null if still none. */
        public String toVersion() {
            return toVersion;
        }

        /** The migrations applied, in order; empty when the schema was up to date. */
        public List<Applied> applied() {
            return applied;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MigrationResult that && Objects.equals(fromVersion, that.fromVersion)
                    && Objects.equals(toVersion, that.toVersion) && applied.equals(that.applied);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fromVersion, toVersion, applied);
        }

        @Override
        public String toString() {
            return "MigrationResult[fromVersion=" + fromVersion + ", toVersion=" + toVersion + ", applied=" + applied + "]";
        }
    }

    /** One applied migration. (Until 0.2.0 it was a record.) */
    public static final class Applied {

        private final String version;
        private final String description;
        private final String script;

        Applied(String version, String description, String script) {
            this.version = version;
            this.description = description;
            this.script = script;
        }

        /** Its version, such as {@code 1}. */
        public String version() {
            return version;
        }

        /** Its description, such as {@code create certtrack schema}. */
        public String description() {
            return description;
        }

        /** The script's path. */
        public String script() {
            return script;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Applied that && Objects.equals(version, that.version)
                    && Objects.equals(description, that.description) && Objects.equals(script, that.script);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, description, script);
        }

        @Override
        public String toString() {
            return "Applied[version=" + version + ", description=" + description + ", script=" + script + "]";
        }
    }
}
