package org.certtrack;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.hibernate.cfg.JdbcSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: a migrated, ready certtrack database and units of work over its repositories.
 *
 * <pre>{@code
 * try (CertTrack certTrack = CertTrack.fromEnvironment()) {   // DATABASE_URL, else embedded H2
 *     long id = certTrack.inTransaction(work -> {
 *         Engineer ada = new Engineer("Ada Lovelace", "backend", 36);
 *         ada.addCertificate(new Certificate("AWS", 2027));
 *         return work.engineers().add(ada).getId();
 *     });
 *     certTrack.useTransaction(work -> System.out.println(work.engineers().findById(id)));
 * }
 * }</pre>
 *
 * <p>Open one per application and share it: it is thread-safe, holds a connection pool (when it made
 * the {@link DataSource} itself) and Hibernate's metadata. {@link #close()} releases both.
 */
public final class CertTrack implements AutoCloseable {

    /** The environment variable {@link #fromEnvironment()} reads. */
    public static final String DATABASE_URL = "DATABASE_URL";
    /** The system property that moves the embedded database's files (default {@code ./certtrack-data/certtrack}). */
    public static final String EMBEDDED_PATH_PROPERTY = "certtrack.embedded.path";

    private static final Logger log = LoggerFactory.getLogger(CertTrack.class);

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final EntityManagerFactory entityManagerFactory;
    private final Migrations.MigrationResult migration;
    private final String description;

    private CertTrack(Builder builder) {
        this.description = builder.describe();
        this.ownedPool = builder.dataSource == null ? builder.pool() : null;
        this.dataSource = ownedPool != null ? ownedPool : builder.dataSource;
        // Hibernate's boot needs no schema unless it is asked to validate one, so it runs beside the
        // migrations: on a cold start the two together take little longer than the slower of them.
        FutureTask<EntityManagerFactory> hibernate = new FutureTask<>(() -> builder.entityManagerFactory(dataSource));
        boolean parallel = builder.migrate && !builder.checksSchema();
        if (parallel) {
            Thread boot = new Thread(hibernate, "certtrack-hibernate-boot");
            boot.setDaemon(true);
            boot.start();
        }
        try {
            this.migration = builder.migrate ? Migrations.of(dataSource).migrate() : null;
            if (migration != null) {
                log.info("certtrack schema on {} is at version {} ({} migrations applied)",
                        description, migration.toVersion(), migration.applied().size());
            }
            if (!parallel) {
                hibernate.run();
            }
            this.entityManagerFactory = resultOf(hibernate);
        } catch (RuntimeException | Error e) {
            if (parallel) {
                closeWhenBuilt(hibernate);
            }
            closePool();
            throw e;
        }
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

    /** certtrack over a {@link DataSource} the caller owns (and closes); migrates it first. */
    public static CertTrack open(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /**
     * certtrack over a pooled connection to a {@code DATABASE_URL}-style or JDBC URL; migrates it first.
     *
     * @see DatabaseUrl#parse(String)
     */
    public static CertTrack open(String url) {
        return builder().url(url).build();
    }

    /**
     * certtrack over the database the {@value #DATABASE_URL} environment variable names, or the embedded
     * H2 database when it is unset or blank; migrates it first.
     */
    public static CertTrack fromEnvironment() {
        String url = System.getenv(DATABASE_URL);
        return url == null || url.isBlank() ? embedded() : open(url);
    }

    /**
     * certtrack over the embedded H2 file database at {@code ./certtrack-data/certtrack} (or the path in
     * the {@value #EMBEDDED_PATH_PROPERTY} system property); migrates it first.
     */
    public static CertTrack embedded() {
        return builder().embedded(Path.of(System.getProperty(EMBEDDED_PATH_PROPERTY, "certtrack-data/certtrack"))).build();
    }

    /** A builder for the options the factory methods do not cover. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code work} in one transaction and returns its result: everything it writes commits together,
     * or, if it throws, nothing is written and the exception propagates.
     */
    public <T> T inTransaction(Function<UnitOfWork, T> work) {
        requireNonNull(work, "work");
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(new UnitOfWork(entityManager));
            transaction.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (transaction.isActive()) {
                try {
                    transaction.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            throw e;
        } finally {
            entityManager.close();
        }
    }

    /** Runs {@code work} in one transaction, as {@link #inTransaction} does, for work that returns nothing. */
    public void useTransaction(Consumer<UnitOfWork> work) {
        requireNonNull(work, "work");
        inTransaction(unitOfWork -> {
            work.accept(unitOfWork);
            return null;
        });
    }

    /** The migrations of this database, for reporting its version or validating it. */
    public Migrations migrations() {
        return Migrations.of(dataSource);
    }

    /** What migrating at start-up did, or null when the builder turned migration off. */
    public Migrations.MigrationResult startupMigration() {
        return migration;
    }

    /** The data source certtrack uses. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The JPA entity manager factory, for integrating with a framework or running queries of your own. */
    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /** Releases Hibernate's resources and the connection pool certtrack made (not a caller's data source). */
    @Override
    public void close() {
        try {
            entityManagerFactory.close();
        } finally {
            closePool();
        }
    }

    private void closePool() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    /** Where this instance's data lives, with any password masked. */
    @Override
    public String toString() {
        return "CertTrack{" + description + "}";
    }

    /**
     * Options for {@link CertTrack}. Give it a {@link #dataSource}, a {@link #url}, or an {@link #embedded}
     * path (one of them; the last given wins); everything else has a default.
     */
    public static final class Builder {

        private DataSource dataSource;
        private DatabaseUrl url;
        private int maximumPoolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(10);
        private boolean migrate = true;
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Builder() {
        }

        /** Use this data source, which the caller owns: certtrack does not close it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = requireNonNull(dataSource, "dataSource");
            this.url = null;
            return this;
        }

        /**
         * Connect to this {@code DATABASE_URL}-style or JDBC URL through a connection pool certtrack owns.
         *
         * @throws InvalidValueException if the URL is malformed (the message masks its password)
         */
        public Builder url(String url) {
            return url(DatabaseUrl.parse(url));
        }

        /** Connect to this database through a connection pool certtrack owns. */
        public Builder url(DatabaseUrl url) {
            this.url = requireNonNull(url, "url");
            this.dataSource = null;
            return this;
        }

        /** Use the embedded H2 database stored in files next to {@code path} ({@code path.mv.db}). */
        public Builder embedded(Path path) {
            String file = requireNonNull(path, "path").toAbsolutePath().normalize().toString();
            return url(new DatabaseUrl("jdbc:h2:file:" + file, "sa", null));
        }

        /** The most connections the pool certtrack owns may open (default 10). */
        public Builder maximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = org.certtrack.internal.Require.between("maximumPoolSize", maximumPoolSize, 1, 1000);
            return this;
        }

        /** How long to wait for a connection, including the first one at start-up (default 10 seconds). */
        public Builder connectionTimeout(Duration connectionTimeout) {
            requireNonNull(connectionTimeout, "connectionTimeout");
            if (connectionTimeout.toMillis() < 250) {
                throw new InvalidValueException("connectionTimeout", "must be at least 250 ms", connectionTimeout);
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /** Whether to apply pending migrations at start-up (default true). */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /** Passes a setting to Hibernate, for example {@code hibernate.generate_statistics}. */
        public Builder property(String name, Object value) {
            properties.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
            return this;
        }

        /**
         * Opens certtrack: connects, migrates, and checks the mapping.
         *
         * @throws CertTrackException if the database cannot be reached within the connection timeout, or
         *                            cannot be migrated; the message masks any password
         */
        public CertTrack build() {
            if (dataSource == null && url == null) {
                throw new IllegalStateException("Give the builder a dataSource(...), url(...) or embedded(...)");
            }
            return new CertTrack(this);
        }

        /** Whether Hibernate is asked to check or generate the schema at boot, which must wait for migrations. */
        private boolean checksSchema() {
            return properties.keySet().stream().anyMatch(name ->
                    name.equals("hibernate.hbm2ddl.auto") || name.startsWith("jakarta.persistence.schema-generation"));
        }

        private String describe() {
            return dataSource != null ? "a caller's DataSource" : url.toString();
        }

        private HikariDataSource pool() {
            HikariConfig config = new HikariConfig();
            config.setPoolName("certtrack");
            config.setJdbcUrl(url.jdbcUrl());
            config.setUsername(url.username());
            config.setPassword(url.password());
            config.setMaximumPoolSize(maximumPoolSize);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            config.setInitializationFailTimeout(connectionTimeout.toMillis());
            if (url.jdbcUrl().startsWith("jdbc:postgresql:") && !url.jdbcUrl().contains("reWriteBatchedInserts")) {
                // pgjdbc then sends each batch of inserts as multi-row INSERTs: one round trip instead of one
                // per row, which is what makes Hibernate's insert batching pay off on PostgreSQL.
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
            }
            try {
                return new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new CertTrackException("Could not connect to " + url + " within " + connectionTimeout.toMillis()
                        + " ms: " + DatabaseUrl.mask(rootMessage(e)), e);
            }
        }

        private EntityManagerFactory entityManagerFactory(DataSource dataSource) {
            HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("certtrack")
                    .managedClasses(Engineer.class, Certificate.class, Instructor.class);
            configuration.property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
            configuration.property("hibernate.jdbc.batch_size", 50);
            configuration.property("hibernate.order_inserts", true);
            configuration.property("hibernate.order_updates", true);
            configuration.property("hibernate.default_batch_fetch_size", 32);
            configuration.property("hibernate.query.fail_on_pagination_over_collection_fetch", true);
            configuration.properties(properties);
            return configuration.createEntityManagerFactory();
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return String.valueOf(root.getMessage());
        }
    }
}
