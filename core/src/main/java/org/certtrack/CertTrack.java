package org.certtrack;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.certtrack.internal.Bootstrap;
import org.certtrack.internal.Evictions;
import org.certtrack.internal.Failures;
import org.certtrack.internal.Pools;
import org.certtrack.internal.Require;
import org.certtrack.internal.Timeouts;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
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

    /** The longest a statement may run unless {@link Builder#queryTimeout} says otherwise. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    /** The longest certtrack waits for any answer from PostgreSQL unless {@link Builder#socketTimeout} says otherwise. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Pools.DEFAULT_SOCKET_TIMEOUT;

    private static final String QUERY_TIMEOUT_PROPERTY = "jakarta.persistence.query.timeout";

    private static final Logger log = LoggerFactory.getLogger(CertTrack.class);

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final DataSource readDataSource;
    private final HikariDataSource ownedReadPool;
    private final EntityManagerFactory entityManagerFactory;
    private final Migrations.MigrationResult migration;
    private final String description;
    private final Timeouts.Limits limits;

    private CertTrack(DataSource dataSource, HikariDataSource ownedPool, HikariDataSource ownedReadPool,
                      Bootstrap.Started started, String description, Timeouts.Limits limits) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.readDataSource = ownedReadPool != null ? ownedReadPool : dataSource;
        this.ownedReadPool = ownedReadPool;
        this.entityManagerFactory = started.entityManagerFactory();
        this.migration = started.migration();
        this.description = description;
        this.limits = limits;
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
     * or, if it throws anything (a runtime exception, an error, or a checked exception thrown sneakily),
     * nothing is written, the connection goes back to the pool, and the exception propagates.
     *
     * @throws ConcurrentUpdateException    if another unit of work changed or deleted a row this one read
     *                                      before it could write (see {@link #inTransaction(RetryPolicy, Function)})
     * @throws DatabaseUnavailableException if the database cannot be reached within the connection timeout,
     *                                      or stops answering for the socket timeout
     * @throws PoolExhaustedException       if every pooled connection stays busy with other units of work for
     *                                      the connection timeout (the database is up)
     * @throws TimedOutException            if a statement runs longer than the query timeout
     */
    public <T> T inTransaction(Function<UnitOfWork, T> work) {
        requireNonNull(work, "work");
        return run(entityManagerFactory.createEntityManager(), null, work);
    }

    /**
     * Runs {@code work} in one read-only transaction and returns its result. Hibernate neither
     * snapshots nor dirty-checks what it loads and never flushes, and the database is told the
     * transaction only reads (PostgreSQL then refuses any write in it), so a read costs less than in
     * {@link #inTransaction(Function)}. Changes made to entities here are not saved, and the
     * repositories' {@code add} and {@code delete} methods throw {@link IllegalStateException}.
     * Whatever {@code work} throws, the transaction ends and the connection goes back to the pool.
     *
     * <p>With a multi-host URL (a primary and its standbys, see {@link Builder#readFromStandbys(boolean)}) it
     * runs on a standby when one is up, and on the primary otherwise. A standby may lag behind the primary:
     * a unit of work committed a moment ago may not show yet. Use {@link #readFromPrimary(Function)} to read
     * what you have just written.
     *
     * @throws DatabaseUnavailableException if the database cannot be reached within the connection timeout,
     *                                      or stops answering for the socket timeout
     * @throws PoolExhaustedException       if every pooled connection stays busy for the connection timeout
     * @throws TimedOutException            if a statement runs longer than the query timeout
     */
    public <T> T read(Function<UnitOfWork, T> work) {
        requireNonNull(work, "work");
        return read(readDataSource, work);
    }

    /**
     * Runs {@code work} in one read-only transaction on the primary, as {@link #read(Function)} does, even
     * when reads go to standbys: it sees every unit of work that committed before it began (read your own
     * writes). Without standbys it is {@link #read(Function)}.
     *
     * @throws DatabaseUnavailableException if the primary cannot be reached within the connection timeout,
     *                                      or stops answering for the socket timeout
     * @throws PoolExhaustedException       if every pooled connection stays busy for the connection timeout
     * @throws TimedOutException            if a statement runs longer than the query timeout
     */
    public <T> T readFromPrimary(Function<UnitOfWork, T> work) {
        requireNonNull(work, "work");
        return read(dataSource, work);
    }

    private <T> T read(DataSource source, Function<UnitOfWork, T> work) {
        Connection connection = readOnlyConnection(source);
        try {
            Session session = entityManagerFactory.unwrap(SessionFactory.class).withOptions()
                    .connection(connection)
                    .flushMode(FlushMode.MANUAL)
                    .openSession();
            session.setDefaultReadOnly(true);
            return run(session, source, work);
        } finally {
            Evictions.releaseRead(source == ownedReadPool ? ownedReadPool : null, connection, CertTrack::release);
        }
    }

    /**
     * Runs {@code work} in a transaction of {@code entityManager}, which it closes: commits what it wrote,
     * or, whatever it throws, rolls back and rethrows certtrack's exception for it.
     *
     * @param readSource where a read-only unit took its connection; null for a read-write unit
     */
    private <T> T run(EntityManager entityManager, DataSource readSource, Function<UnitOfWork, T> work) {
        boolean readOnly = readSource != null;
        UnaryOperator<RuntimeException> translator = readOnly
                ? failure -> Failures.translate(failure, readSource, limits)
                : failure -> Failures.translateReadWrite(failure, dataSource, limits);
        EntityTransaction transaction = entityManager.getTransaction();
        boolean committing = false;
        try {
            transaction.begin();
            T result = work.apply(new UnitOfWork(entityManager, translator));
            if (!readOnly) {
                // Flush before committing, so that what the statements raise reaches the translation as they
                // raise it, not wrapped in a failed commit.
                entityManager.flush();
            }
            committing = !readOnly;
            transaction.commit();
            return result;
        } catch (Throwable e) {
            // Any Throwable: a checked exception thrown sneakily (Kotlin, @SneakyThrows, a generic rethrow)
            // must roll back and release the connection too, or its row locks outlive the unit of work.
            RuntimeException translated = e instanceof RuntimeException failure ? translator.apply(failure) : null;
            Evictions.afterFailure(readSource == null || readSource == dataSource ? ownedPool : ownedReadPool, ownedReadPool, translated);
            if (committing && translated instanceof DatabaseUnavailableException unavailable) {
                // The server may have committed and lost only its answer (a failover in the middle of COMMIT).
                translated = Failures.commitInDoubt(unavailable);
            }
            if (transaction.isActive()) {
                try {
                    transaction.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            if (translated != null) {
                throw translated;
            }
            throw CertTrack.<RuntimeException>sneaky(e);
        } finally {
            entityManager.close();
        }
    }

    /**
     * A connection marked read-only, on which a read-only unit runs its one transaction (pgjdbc then begins
     * it with {@code BEGIN READ ONLY}); {@link #release} unmarks it and hands it back.
     */
    private Connection readOnlyConnection(DataSource source) {
        Connection connection = null;
        try {
            connection = source.getConnection();
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            if (connection != null) {
                release(connection);
            }
            throw Failures.translate(new PersistenceException("Could not open a connection for a read-only unit of work", e),
                    source, limits);
        }
    }

    private static void release(Connection connection) {
        try (connection) {
            connection.setReadOnly(false);
        } catch (SQLException e) {
            // The pool replaces a connection that fails here; the unit of work's outcome stands.
            log.debug("could not release a read-only connection cleanly: {}", e.toString());
        }
    }

    /** Rethrows {@code e} unchanged, checked or not: the caller gets exactly what the callback threw. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }

    /**
     * Runs {@code work} as {@link #inTransaction(Function)} does, and runs it again, in a fresh transaction
     * with fresh entities, each time it fails with a {@link ConcurrentUpdateException} (or, with
     * {@link RetryPolicy#alsoWhenUnavailable()}, a {@link DatabaseUnavailableException} that wrote nothing), up
     * to the policy's number of attempts. {@code work} must therefore read what it changes inside the callback
     * (by id, not from entities loaded earlier), and must not have side effects outside the database.
     *
     * @throws ConcurrentUpdateException    the last conflict, when every attempt lost its race
     * @throws DatabaseUnavailableException the last one, when the database stayed unavailable for every attempt,
     *                                      or at once when it became unavailable during a commit
     */
    public <T> T inTransaction(RetryPolicy retry, Function<UnitOfWork, T> work) {
        requireNonNull(retry, "retry");
        requireNonNull(work, "work");
        return retry.run(() -> inTransaction(work));
    }

    /**
     * Runs {@code work} as {@link #read(Function)} does, and runs it again, with fresh entities, each time it
     * fails with a {@link ConcurrentUpdateException} (on a standby also a replay conflict: the standby cancelled
     * the read to apply the primary's changes, SQLState {@code 40001} or {@code 40P01}) or, with
     * {@link RetryPolicy#alsoWhenUnavailable()}, a {@link DatabaseUnavailableException} (a read wrote nothing,
     * whenever it failed), up to the policy's number of attempts. After a connection failure the read pool
     * drops its other connections, so the next attempt takes a new one, on a server that answers.
     *
     * @throws ConcurrentUpdateException    the last conflict, when every attempt was cancelled
     * @throws DatabaseUnavailableException the last one, when no server answered any attempt
     */
    public <T> T read(RetryPolicy retry, Function<UnitOfWork, T> work) {
        requireNonNull(retry, "retry");
        requireNonNull(work, "work");
        return retry.run(() -> read(work));
    }

    /** Runs {@code work} as {@link #readFromPrimary(Function)} does, retried as {@link #read(RetryPolicy, Function)} is. */
    public <T> T readFromPrimary(RetryPolicy retry, Function<UnitOfWork, T> work) {
        requireNonNull(retry, "retry");
        requireNonNull(work, "work");
        return retry.run(() -> readFromPrimary(work));
    }

    /** Runs {@code work} as {@link #inTransaction(RetryPolicy, Function)} does, for work that returns nothing. */
    public void useTransaction(RetryPolicy retry, Consumer<UnitOfWork> work) {
        requireNonNull(work, "work");
        inTransaction(retry, unitOfWork -> {
            work.accept(unitOfWork);
            return null;
        });
    }

    /** Runs {@code work} in one transaction, as {@link #inTransaction} does, for work that returns nothing. */
    public void useTransaction(Consumer<UnitOfWork> work) {
        requireNonNull(work, "work");
        inTransaction(unitOfWork -> {
            work.accept(unitOfWork);
            return null;
        });
    }

    /**
     * The migrations of this database, for reporting its version or validating it. They use the
     * application's credentials, not the {@linkplain Builder#migrationUrl(String) migration credentials}.
     */
    public Migrations migrations() {
        return Migrations.of(dataSource);
    }

    /** What migrating at start-up did, or null when the builder turned migration off. */
    public Migrations.MigrationResult startupMigration() {
        return migration;
    }

    /**
     * The data source certtrack uses: for read-write units and migrations, on the primary when the URL names
     * standbys too (read-only units then take their connections from a second pool of its own).
     */
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
        closeBoth(ownedPool, ownedReadPool);
    }

    /** Closes both pools (either may be null), the second even when closing the first fails. */
    private static void closeBoth(HikariDataSource first, HikariDataSource second) {
        try {
            if (first != null) {
                first.close();
            }
        } finally {
            if (second != null) {
                second.close();
            }
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
        private DataSource migrationDataSource;
        private DatabaseUrl migrationUrl;
        private int maximumPoolSize = 10;
        private Integer readPoolSize;
        private Duration connectionTimeout = Duration.ofSeconds(10);
        private Duration validationTimeout;
        private Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private boolean migrate = true;
        private boolean readFromStandbys = true;
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

        /**
         * Run the migrations as a different database user than the application, typically the owner of
         * the schema, so that the application's own user needs only to read and write rows
         * ({@code SELECT, INSERT, UPDATE, DELETE} on the tables, {@code USAGE} on the sequences). certtrack
         * opens one short-lived connection pool with these credentials at start-up and closes it after
         * migrating. Without it, the migrations use the application's connection.
         *
         * @throws InvalidValueException if the URL is malformed (the message masks its password)
         */
        public Builder migrationUrl(String url) {
            return migrationUrl(DatabaseUrl.parse(url));
        }

        /** Run the migrations through a connection to this database: see {@link #migrationUrl(String)}. */
        public Builder migrationUrl(DatabaseUrl url) {
            this.migrationUrl = requireNonNull(url, "migrationUrl");
            this.migrationDataSource = null;
            return this;
        }

        /**
         * Run the migrations through this data source, which the caller owns (see {@link #migrationUrl(String)}).
         */
        public Builder migrationDataSource(DataSource dataSource) {
            this.migrationDataSource = requireNonNull(dataSource, "migrationDataSource");
            this.migrationUrl = null;
            return this;
        }

        /**
         * The most connections the pool certtrack owns may open (default 10, at least 1). With fewer than 3,
         * start-up migrates through a short-lived pool of 2 connections of its own, closed before
         * {@link #build()} returns (Flyway needs two at once), and then boots Hibernate.
         */
        public Builder maximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = Require.between("maximumPoolSize", maximumPoolSize, 1, 1000);
            return this;
        }

        /**
         * The most connections the read pool may open (default: {@link #maximumPoolSize}, at least 1). The read
         * pool exists only with {@link #readFromStandbys} and a multi-host PostgreSQL URL; one instance then
         * holds up to {@code maximumPoolSize + readPoolSize} connections, all of them on the primary while no
         * standby is up (the read pool falls back to it), and {@code maximumPoolSize} there otherwise.
         * {@code docs/scaling.md} gives the arithmetic for several instances.
         */
        public Builder readPoolSize(int readPoolSize) {
            this.readPoolSize = Require.between("readPoolSize", readPoolSize, 1, 1000);
            return this;
        }

        /**
         * How long to wait for a connection, including the first one at start-up (default 10 seconds, at
         * least 250 ms). When the database cannot be reached, start-up and each unit of work fail with a
         * {@link DatabaseUnavailableException} after about this long instead of hanging.
         */
        public Builder connectionTimeout(Duration connectionTimeout) {
            requireNonNull(connectionTimeout, "connectionTimeout");
            if (connectionTimeout.toMillis() < 250) {
                throw new InvalidValueException("connectionTimeout", "must be at least 250 ms", connectionTimeout);
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /**
         * How long the pool may take to check that an idle connection still works before handing it out
         * (default half the connection timeout, at most 5 s; PostgreSQL's driver checks in whole seconds).
         * It must not exceed the connection timeout: {@link #build()} rejects it otherwise. A check that
         * fails costs a unit of work this much of its connection timeout, at most.
         */
        public Builder validationTimeout(Duration validationTimeout) {
            requireNonNull(validationTimeout, "validationTimeout");
            if (validationTimeout.toMillis() < 250) {
                throw new InvalidValueException("validationTimeout", "must be at least 250 ms", validationTimeout);
            }
            this.validationTimeout = validationTimeout;
            return this;
        }

        /**
         * The longest certtrack waits for any answer from a PostgreSQL server on a connection it has
         * (default 120 seconds, whole seconds, at least 1 s; pgjdbc's {@code socketTimeout}). A server that
         * stops answering in the middle of a statement then fails the unit of work with a
         * {@link DatabaseUnavailableException} naming {@code socketTimeout}, and the connection is replaced.
         * It must be longer than the {@linkplain #queryTimeout query timeout}, so that a slow statement is
         * cancelled before its connection is given up, and it bounds every statement, including
         * migrations and the seeder's: raise it for a migration that runs longer. Not used for H2 or a
         * caller's {@code DataSource} (configure your own pool's).
         */
        public Builder socketTimeout(Duration socketTimeout) {
            this.socketTimeout = wholeSeconds("socketTimeout", socketTimeout);
            return this;
        }

        /**
         * The longest a query may run (default 30 seconds, whole seconds, at least 1 s): the database cancels
         * it then, and the unit of work fails with a {@link TimedOutException} naming {@code queryTimeout}.
         * Applies to every query certtrack's repositories and {@code UnitOfWork.entityManager()} run, on H2
         * and PostgreSQL, in certtrack's pool or a caller's {@code DataSource} (Hibernate's
         * {@code jakarta.persistence.query.timeout}, which {@link #property} can set instead). The writes of a
         * flush are bounded by the socket timeout.
         */
        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = wholeSeconds("queryTimeout", queryTimeout);
            return this;
        }

        private static Duration wholeSeconds(String field, Duration value) {
            requireNonNull(value, field);
            if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.toNanos() % 1_000_000_000L != 0) {
                throw new InvalidValueException(field, "must be a whole number of seconds, at least 1 s", value);
            }
            return value;
        }

        /**
         * Whether read-only units of work ({@link CertTrack#read}) go to standbys when the {@link #url} names
         * several PostgreSQL servers (default true), as in
         * {@code postgresql://app@primary:5432,standby:5432/certtrack}: certtrack then opens two pools of up to
         * {@link #maximumPoolSize} and {@link #readPoolSize} connections, with the same timeouts. The write pool connects only to
         * the server that is not in recovery (pgjdbc's {@code targetServerType=primary}), whatever the URL
         * says, and serves read-write units, {@link CertTrack#readFromPrimary} and the migrations. The read
         * pool connects to a standby when one is up and to the primary otherwise
         * ({@code targetServerType=preferSecondary} and {@code loadBalanceHosts=true}, unless the URL sets
         * them). When a read connection that has been on a primary for 30 seconds (no standby was up, or its
         * server was promoted) comes back, the read pool reconnects, and every read connection is renewed every
         * 5 minutes, so that reads return to a standby that was down. After a connection failure (a server gone),
         * a pool drops its other connections at once instead of failing one unit of work on each. pgjdbc remembers for {@code hostRecheckSeconds} (a URL parameter, default 10) which server is which
         * and which did not answer. With {@code false}, or a URL of one server, every unit of work runs on the
         * one pool. Ignored for a caller's {@code DataSource}.
         */
        public Builder readFromStandbys(boolean readFromStandbys) {
            this.readFromStandbys = readFromStandbys;
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
         * Opens certtrack: connects, migrates, checks that the schema is still what the migrations made
         * ({@link Migrations#verifySchema()}: columns and types, named constraints, indexes, triggers), and
         * starts Hibernate. With {@link #migrate(boolean) migrate(false)} it neither migrates nor checks
         * (call {@code migrations().verifySchema()} yourself). Hibernate's own mapping is checked against
         * the schema only when you ask it to ({@code property("hibernate.hbm2ddl.auto", "validate")}).
         *
         * @throws DatabaseUnavailableException if the database cannot be reached within the connection timeout
         *                                      (the message masks any password)
         * @throws CertTrackException           if the database cannot be migrated (the message names the
         *                                      script) or its schema has drifted (the message names each
         *                                      difference)
         */
        public CertTrack build() {
            if (dataSource == null && url == null) {
                throw new IllegalStateException("Give the builder a dataSource(...), url(...) or embedded(...)");
            }
            Duration validation = validationTimeout();
            if (validation.compareTo(connectionTimeout) > 0) {
                throw new InvalidValueException("validationTimeout", "must not exceed connectionTimeout ("
                        + connectionTimeout.toMillis() + " ms): a unit of work would wait longer than connectionTimeout"
                        + " for a connection", validation);
            }
            if (socketTimeout.compareTo(queryTimeout) <= 0) {
                throw new InvalidValueException("socketTimeout", "must be longer than queryTimeout (" + queryTimeout.toSeconds()
                        + " s), or a slow query would lose its connection instead of being cancelled", socketTimeout);
            }
            Map<String, Object> settings = new LinkedHashMap<>(properties);
            settings.putIfAbsent(QUERY_TIMEOUT_PROPERTY, (int) queryTimeout.toMillis());
            String description = describe();
            HikariDataSource pool = dataSource == null
                    ? Pools.open("certtrack", url, maximumPoolSize, connectionTimeout, validation, socketTimeout) : null;
            DataSource target = pool != null ? pool : dataSource;
            Timeouts.Limits limits = new Timeouts.Limits(pool != null ? maximumPoolSize : null,
                    pool != null ? connectionTimeout : null,
                    pool != null && url.jdbcUrl().startsWith("jdbc:postgresql:") ? socketTimeout : null,
                    properties.containsKey(QUERY_TIMEOUT_PROPERTY) ? null : queryTimeout);
            if (dataSource != null) {
                limits = Timeouts.Limits.of(dataSource, limits.queryTimeout());
            }
            HikariDataSource readPool = null;
            try {
                Bootstrap.Started started = Bootstrap.start(target, settings, migrate ? () -> migrate(target, description) : null);
                if (pool != null && readFromStandbys && url.isMultiHost()) {
                    readPool = Pools.openForReads("certtrack-reads", url, readPoolSize != null ? readPoolSize : maximumPoolSize,
                            connectionTimeout, validation,
                            socketTimeout);
                }
                return new CertTrack(target, pool, readPool, started, description, limits);
            } catch (RuntimeException | Error e) {
                closeBoth(pool, readPool);
                throw e;
            }
        }

        private Duration validationTimeout() {
            return validationTimeout != null ? validationTimeout : Pools.defaultValidationTimeout(connectionTimeout);
        }

        private boolean migratesThroughPoolOfItsOwn() {
            return migrationUrl == null && migrationDataSource == null && url != null && maximumPoolSize < 3;
        }

        private String describe() {
            String where = dataSource != null ? "a caller's DataSource" : url.toString();
            if (migrationUrl != null) {
                return where + ", migrated as " + migrationUrl;
            }
            return migrationDataSource != null ? where + ", migrated through a caller's DataSource" : where;
        }

        private Migrations.MigrationResult migrate(DataSource applicationDataSource, String description) {
            // Flyway holds a second connection for its lock while it migrates through the first, and Hibernate
            // boots beside it on a third: a pool of certtrack's own smaller than that migrates through a
            // short-lived pool of two, as the migration credentials do.
            DatabaseUrl ownPoolTarget = migrationUrl != null ? migrationUrl
                    : migratesThroughPoolOfItsOwn() ? url : null;
            if (ownPoolTarget == null) {
                return Bootstrap.migrate(migrationDataSource != null ? migrationDataSource : applicationDataSource, description);
            }
            try (HikariDataSource owner = Pools.open("certtrack-migrations", ownPoolTarget, 2, connectionTimeout,
                    validationTimeout(), socketTimeout)) {
                return Bootstrap.migrate(owner, description);
            }
        }
    }
}
