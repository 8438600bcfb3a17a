package org.certtrack.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.certtrack.CertTrack;
import org.certtrack.CertTrackException;
import org.certtrack.Migrations;
import org.certtrack.internal.Bootstrap;
import org.certtrack.internal.Drivers;
import org.certtrack.internal.Failures;
import org.certtrack.internal.Timeouts;

/**
 * What a host that runs certtrack inside its own persistence unit and transactions (a framework's
 * integration, such as certtrack's Spring Boot starter) does that {@link CertTrack} otherwise does itself:
 * map the entities with certtrack's settings, migrate and check the schema, and turn failures into
 * certtrack's exceptions. See the package's stability note.
 */
public final class Integration {

    private Integration() {
    }

    /** certtrack's entity classes, for the host's persistence unit. */
    public static List<Class<?>> entityClasses() {
        return Bootstrap.ENTITY_CLASSES;
    }

    /**
     * The Hibernate settings certtrack is tuned and tested with (statement batches, batch fetching, no
     * in-memory paging, no temporary tables of Hibernate's own), unmodifiable; a host applies each one for
     * which it has no value of its own.
     */
    public static Map<String, Object> hibernateSettings() {
        return Bootstrap.HIBERNATE_SETTINGS;
    }

    /**
     * Applies certtrack's pending migrations to {@code dataSource}, checks that the schema is what they made,
     * and logs the version reached.
     *
     * @param where the database, for the log line, with any password masked
     * @throws CertTrackException naming the script, if the schema cannot be migrated, or naming each
     *                            difference, if it no longer matches what the migrations made
     */
    public static Migrations.MigrationResult migrateAndCheck(DataSource dataSource, String where) {
        return Bootstrap.migrate(requireNonNull(dataSource, "dataSource"), requireNonNull(where, "where"));
    }

    /**
     * certtrack's exception for a failure of the host's unit of work ({@code ConcurrentUpdateException},
     * {@code DatabaseUnavailableException}, ...), or {@code failure} itself when certtrack has none for it.
     *
     * @param dataSource the pool the unit of work used, so that a busy pool is told from an unreachable
     *                   database; null when the host does not know it
     */
    public static RuntimeException translate(RuntimeException failure, DataSource dataSource) {
        requireNonNull(failure, "failure");
        return dataSource == null ? Failures.translate(failure)
                : Failures.translate(failure, dataSource, Timeouts.Limits.of(dataSource, null));
    }

    /**
     * Returns normally if a JDBC driver on the classpath accepts {@code jdbcUrl}.
     *
     * @throws CertTrackException naming the URL (password masked) and the Maven artifact to add, if none does
     */
    public static void requireDriver(String jdbcUrl) {
        Drivers.require(requireNonNull(jdbcUrl, "jdbcUrl"));
    }
}
