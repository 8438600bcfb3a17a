package org.certtrack.internal;

import jakarta.persistence.EntityManagerFactory;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.certtrack.CertTrackException;
import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.Migrations;
import org.hibernate.cfg.BatchSettings;
import org.hibernate.cfg.FetchSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every host does to start certtrack, in one place: the entities to map, the Hibernate settings
 * certtrack is tuned and tested with, and migrating its schema. {@link org.certtrack.CertTrack} and the
 * Spring Boot starter both call it, so the two cannot drift apart.
 */
public final class Bootstrap {

    /** certtrack's entity classes, for the host's persistence unit. */
    public static final List<Class<?>> ENTITY_CLASSES = List.of(Engineer.class, Certificate.class, Instructor.class);

    /**
     * How many owners a lazy collection or proxy of certtrack's entities loads per statement: the entities
     * and their collections say so themselves ({@code @BatchSize}), so no host needs a global setting.
     */
    public static final int BATCH_FETCH_SIZE = 32;

    /**
     * The settings that make Hibernate write certtrack's rows in batches: insert and update batches of 50
     * (the id sequences step by 50, so a batch takes its ids in one call), ordered so that batches stay
     * whole. They are global to a persistence unit, so a host that shares its unit with certtrack (the
     * Spring Boot starter) applies them only when asked to.
     */
    public static final Map<String, Object> BATCH_WRITE_SETTINGS = Map.of(
            BatchSettings.STATEMENT_BATCH_SIZE, 50,
            BatchSettings.ORDER_INSERTS, true,
            BatchSettings.ORDER_UPDATES, true);

    /**
     * The Hibernate settings of certtrack's own persistence unit ({@link org.certtrack.CertTrack}), unless
     * the host sets its own value for the same key: the {@linkplain #BATCH_WRITE_SETTINGS batch writes}, lazy
     * collections of any entity loaded {@value #BATCH_FETCH_SIZE} owners at a time, and a collection fetch
     * that cannot be paged in SQL fails instead of paging in memory. And Hibernate creates no tables of its
     * own: on H2 it would create a global temporary table per entity ({@code HTE_ENGINEERS}, ...) at boot,
     * beside certtrack's migrations, which its single-table entities never need. Never applied to a
     * persistence unit certtrack shares with its host.
     */
    public static final Map<String, Object> HIBERNATE_SETTINGS = hibernateSettings();

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private Bootstrap() {
    }

    private static Map<String, Object> hibernateSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(BatchSettings.STATEMENT_BATCH_SIZE, BATCH_WRITE_SETTINGS.get(BatchSettings.STATEMENT_BATCH_SIZE));
        settings.put(BatchSettings.ORDER_INSERTS, true);
        settings.put(BatchSettings.ORDER_UPDATES, true);
        settings.put(FetchSettings.DEFAULT_BATCH_FETCH_SIZE, BATCH_FETCH_SIZE);
        settings.put(QuerySettings.FAIL_ON_PAGINATION_OVER_COLLECTION_FETCH, true);
        // The named queries were checked against the mappings at compile time (Hibernate Processor): each is
        // compiled on first use instead of all of them at start-up.
        settings.put(QuerySettings.QUERY_STARTUP_CHECKING, false);
        // The schema is Flyway's alone. Creating these tables is DDL, which on H2 contended with the
        // migrations running on the other thread ("Timeout trying to lock table SYS").
        settings.put("hibernate.query.mutation_strategy.global_temporary.create_tables", false);
        return Collections.unmodifiableMap(settings);
    }

    /**
     * Applies certtrack's pending migrations to {@code dataSource}, checks that the schema is what they
     * made ({@link Migrations#verifySchema()}), and logs the version reached and what the check cost.
     *
     * @param where the database, for the log line, with any password masked
     * @throws CertTrackException naming the script, if the schema cannot be migrated, or naming each
     *                            difference, if the schema no longer matches what the migrations made
     */
    public static Migrations.MigrationResult migrate(DataSource dataSource, String where) {
        return migrate(dataSource, where, Migrations.DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * As {@link #migrate(DataSource, String)}, each migration waiting at most {@code lockTimeout} for a lock
     * ({@link Migrations#lockTimeout}).
     */
    public static Migrations.MigrationResult migrate(DataSource dataSource, String where, Duration lockTimeout) {
        Migrations migrations = Migrations.of(dataSource).lockTimeout(lockTimeout);
        Migrations.MigrationResult result = migrations.migrate();
        long start = System.nanoTime();
        migrations.verifySchema();
        log.info("certtrack schema on {} is at version {} ({} migrations applied; schema checked in {} ms)",
                where, result.toVersion(), result.applied().size(), (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /** Hibernate over {@code dataSource} with certtrack's entities and settings, {@code properties} overriding them. */
    public static EntityManagerFactory entityManagerFactory(DataSource dataSource, Map<String, Object> properties) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("certtrack")
                .managedClasses(ENTITY_CLASSES);
        configuration.property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.properties(HIBERNATE_SETTINGS);
        configuration.properties(properties);
        return configuration.createEntityManagerFactory();
    }

    /**
     * Runs {@code migration} (when not null) and boots Hibernate. Hibernate's boot needs no schema unless
     * it is asked to validate one, so then it runs on its own thread beside the migrations: on a cold
     * start the two together take little longer than the slower of them.
     *
     * @throws CertTrackException if the schema cannot be migrated; nothing is left open then
     */
    public static Started start(DataSource dataSource, Map<String, Object> properties,
                                Supplier<Migrations.MigrationResult> migration) {
        FutureTask<EntityManagerFactory> hibernate = new FutureTask<>(() -> entityManagerFactory(dataSource, properties));
        boolean parallel = migration != null && !checksSchema(properties);
        if (parallel) {
            Thread boot = new Thread(hibernate, "certtrack-hibernate-boot");
            boot.setDaemon(true);
            boot.start();
        }
        try {
            Migrations.MigrationResult migrated = migration == null ? null : migration.get();
            if (!parallel) {
                hibernate.run();
            }
            return new Started(resultOf(hibernate), migrated);
        } catch (RuntimeException | Error e) {
            if (parallel) {
                closeWhenBuilt(hibernate);
            }
            throw e;
        }
    }

    /**
     * What {@link #start} started.
     *
     * @param entityManagerFactory Hibernate, ready
     * @param migration            what migrating did, or null when the host turned migration off
     */
    public record Started(EntityManagerFactory entityManagerFactory, Migrations.MigrationResult migration) {
    }

    /** Whether Hibernate is asked to check or generate the schema at boot, which must wait for migrations. */
    private static boolean checksSchema(Map<String, Object> properties) {
        return properties.keySet().stream().anyMatch(name ->
                name.equals("hibernate.hbm2ddl.auto") || name.startsWith("jakarta.persistence.schema-generation"));
    }

    private static EntityManagerFactory resultOf(FutureTask<EntityManagerFactory> hibernate) {
        try {
            return hibernate.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertTrackException("Interrupted while Hibernate was starting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new CertTrackException("Hibernate could not start", e.getCause());
        }
    }

    private static void closeWhenBuilt(FutureTask<EntityManagerFactory> hibernate) {
        try {
            hibernate.get().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException ignored) {
            // Start-up already failed; the first failure is the one the caller sees.
        }
    }
}
