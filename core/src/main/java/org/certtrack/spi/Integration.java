package org.certtrack.spi;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.certtrack.CertTrack;
import org.certtrack.CertificateRepository;
import org.certtrack.DatabaseUnavailableException;
import org.certtrack.EngineerRepository;
import org.certtrack.InstructorRepository;
import org.certtrack.CertTrackException;
import org.certtrack.Migrations;
import org.certtrack.internal.Bootstrap;
import org.certtrack.internal.Drivers;
import org.certtrack.internal.Failures;
import org.certtrack.internal.JpaCertificateRepository;
import org.certtrack.internal.JpaEngineerRepository;
import org.certtrack.internal.JpaInstructorRepository;
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
     * The Hibernate settings that batch certtrack's writes (statement batches of 50, ordered inserts and
     * updates), unmodifiable. They apply to a whole persistence unit, so a host applies them only when its
     * user asks for them, and each only where it has no value of its own. Batch fetching needs no setting:
     * certtrack's entities declare it.
     */
    public static Map<String, Object> batchWriteSettings() {
        return Bootstrap.BATCH_WRITE_SETTINGS;
    }

    /**
     * A repository of {@code type} ({@code EngineerRepository}, {@code CertificateRepository},
     * {@code InstructorRepository}) over {@code entityManager} that throws what Hibernate and Jakarta
     * Persistence throw, untranslated, for a host that translates failures itself (with
     * {@link #translate(RuntimeException, DataSource, SettingNames)}). Applications use
     * {@code EngineerRepository.using(entityManager)} and the like instead.
     *
     * @throws IllegalArgumentException if {@code type} is not one of certtrack's repository interfaces
     */
    public static <R> R untranslatedRepository(Class<R> type, EntityManager entityManager) {
        requireNonNull(entityManager, "entityManager");
        Object repository;
        if (type == EngineerRepository.class) {
            repository = new JpaEngineerRepository(entityManager);
        } else if (type == CertificateRepository.class) {
            repository = new JpaCertificateRepository(entityManager);
        } else if (type == InstructorRepository.class) {
            repository = new JpaInstructorRepository(entityManager);
        } else {
            throw new IllegalArgumentException("type must be one of certtrack's repository interfaces, but was " + type);
        }
        return type.cast(repository);
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
     * As {@link #migrateAndCheck(DataSource, String)}, each migration waiting at most {@code lockTimeout} for
     * a lock on certtrack's tables ({@link Migrations#lockTimeout(Duration)}).
     *
     * @throws org.certtrack.TimedOutException naming {@code lockTimeout} and the sessions holding locks, if a
     *                                         migration waited that long (PostgreSQL)
     * @throws org.certtrack.InvalidValueException unless {@code lockTimeout} is between 1 ms and 1 hour
     */
    public static Migrations.MigrationResult migrateAndCheck(DataSource dataSource, String where, Duration lockTimeout) {
        return Bootstrap.migrate(requireNonNull(dataSource, "dataSource"), requireNonNull(where, "where"),
                requireNonNull(lockTimeout, "lockTimeout"));
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
     * As {@link #translate(RuntimeException, DataSource)}, with messages that name the limits as the host's
     * user set them ({@code names}).
     */
    public static RuntimeException translate(RuntimeException failure, DataSource dataSource, SettingNames names) {
        requireNonNull(failure, "failure");
        requireNonNull(names, "names");
        return dataSource == null ? Failures.translate(failure)
                : Failures.translate(failure, dataSource, Timeouts.Limits.of(dataSource, null, names.names()));
    }

    /**
     * {@code unavailable}, for a database that stopped answering while a unit of work committed: the
     * server may have committed and lost only its answer, so the exception says the unit may have been
     * written ({@link DatabaseUnavailableException#mayHaveBeenWritten()}) and no retry policy redoes it.
     */
    public static DatabaseUnavailableException commitInDoubt(DatabaseUnavailableException unavailable) {
        return Failures.commitInDoubt(requireNonNull(unavailable, "unavailable"));
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
