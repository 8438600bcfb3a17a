package org.certtrack;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.certtrack.internal.Bootstrap;
import org.certtrack.internal.Pools;
import org.certtrack.internal.Require;
import org.certtrack.internal.Timeouts;

/**
 * Options for {@link CertTrack}. Give it a {@link #dataSource}, a {@link #url}, or an {@link #embedded}
 * path (one of them; the last given wins); everything else has a default.
 */
public final class CertTrackBuilder {

    private static final String QUERY_TIMEOUT_PROPERTY = "jakarta.persistence.query.timeout";


    private DataSource dataSource;
    private DatabaseUrl url;
    private DataSource migrationDataSource;
    private DatabaseUrl migrationUrl;
    private int maximumPoolSize = 10;
    private Integer readPoolSize;
    private Duration connectionTimeout = Duration.ofSeconds(10);
    private Duration validationTimeout;
    private Duration socketTimeout = CertTrack.DEFAULT_SOCKET_TIMEOUT;
    private Duration queryTimeout = CertTrack.DEFAULT_QUERY_TIMEOUT;
    private Duration lockTimeout; // null: the default, bounded by queryTimeout
    private boolean migrate = true;
    private boolean readFromStandbys = true;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    CertTrackBuilder() {
    }

    /** Use this data source, which the caller owns: certtrack does not close it. */
    public CertTrackBuilder dataSource(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.url = null;
        return this;
    }

    /**
     * Connect to this {@code DATABASE_URL}-style or JDBC URL through a connection pool certtrack owns.
     *
     * @throws InvalidValueException if the URL is malformed (the message masks its password)
     */
    public CertTrackBuilder url(String url) {
        return url(DatabaseUrl.parse(url));
    }

    /** Connect to this database through a connection pool certtrack owns. */
    public CertTrackBuilder url(DatabaseUrl url) {
        this.url = requireNonNull(url, "url");
        this.dataSource = null;
        return this;
    }

    /** Use the embedded H2 database stored in files next to {@code path} ({@code path.mv.db}). */
    public CertTrackBuilder embedded(Path path) {
        String file = requireNonNull(path, "path").toAbsolutePath().normalize().toString();
        return url(DatabaseUrl.of("jdbc:h2:file:" + file, "sa", null));
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
    public CertTrackBuilder migrationUrl(String url) {
        return migrationUrl(DatabaseUrl.parse(url));
    }

    /** Run the migrations through a connection to this database: see {@link #migrationUrl(String)}. */
    public CertTrackBuilder migrationUrl(DatabaseUrl url) {
        this.migrationUrl = requireNonNull(url, "migrationUrl");
        this.migrationDataSource = null;
        return this;
    }

    /**
     * Run the migrations through this data source, which the caller owns (see {@link #migrationUrl(String)}).
     */
    public CertTrackBuilder migrationDataSource(DataSource dataSource) {
        this.migrationDataSource = requireNonNull(dataSource, "migrationDataSource");
        this.migrationUrl = null;
        return this;
    }

    /**
     * The most connections the pool certtrack owns may open (default 10, at least 1). With fewer than 3,
     * start-up migrates through a short-lived pool of 2 connections of its own, closed before
     * {@link #build()} returns (Flyway needs two at once), and then boots Hibernate.
     */
    public CertTrackBuilder maximumPoolSize(int maximumPoolSize) {
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
    public CertTrackBuilder readPoolSize(int readPoolSize) {
        this.readPoolSize = Require.between("readPoolSize", readPoolSize, 1, 1000);
        return this;
    }

    /**
     * How long to wait for a connection, including the first one at start-up (default 10 seconds, at
     * least 250 ms). When the database cannot be reached, start-up and each unit of work fail with a
     * {@link DatabaseUnavailableException} after about this long instead of hanging.
     */
    public CertTrackBuilder connectionTimeout(Duration connectionTimeout) {
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
    public CertTrackBuilder validationTimeout(Duration validationTimeout) {
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
    public CertTrackBuilder socketTimeout(Duration socketTimeout) {
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
    public CertTrackBuilder queryTimeout(Duration queryTimeout) {
        this.queryTimeout = wholeSeconds("queryTimeout", queryTimeout);
        return this;
    }

    /**
     * The longest a migration at start-up waits for a lock on certtrack's tables (default 10 s,
     * {@link Migrations#DEFAULT_LOCK_TIMEOUT}, or the {@linkplain #queryTimeout query timeout} when that is
     * shorter; between 1 ms and 1 hour, and shorter than the {@linkplain #socketTimeout socket timeout}).
     * Behind another application's open transaction a migration would otherwise wait for as long as that
     * transaction lasts, while every other session's reads and writes of the table queue behind it. Then
     * start-up fails with a {@link TimedOutException} naming {@code lockTimeout} and the sessions holding
     * locks, the migration is rolled back, and the next start-up tries again. PostgreSQL only ({@link Migrations#lockTimeout(Duration)} says what H2 does).
     */
    public CertTrackBuilder lockTimeout(Duration lockTimeout) {
        this.lockTimeout = Migrations.validLockTimeout(lockTimeout);
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
     * {@link #maximumPoolSize} and {@link #readPoolSize} connections, with the same timeouts. The write pool
     * connects only to the server that is not in recovery (pgjdbc's {@code targetServerType=primary}),
     * whatever the URL says, and serves read-write units, {@link CertTrack#readFromPrimary} and the
     * migrations. The read pool connects to a standby when one is up and to the primary otherwise
     * ({@code targetServerType=preferSecondary} and {@code loadBalanceHosts=true}, unless the URL sets
     * them). When a read connection that has been on a primary for 30 seconds (no standby was up, or its
     * server was promoted) comes back, the read pool reconnects, and every read connection is renewed every
     * 5 minutes, so that reads return to a standby that was down. After a connection failure (a server gone),
     * a pool drops its other connections at once instead of failing one unit of work on each. pgjdbc
     * remembers for {@code hostRecheckSeconds} (a URL parameter, default 10) which server is which
     * and which did not answer. With {@code false}, or a URL of one server, every unit of work runs on the
     * one pool. Ignored for a caller's {@code DataSource}.
     */
    public CertTrackBuilder readFromStandbys(boolean readFromStandbys) {
        this.readFromStandbys = readFromStandbys;
        return this;
    }

    /** Whether to apply pending migrations at start-up (default true). */
    public CertTrackBuilder migrate(boolean migrate) {
        this.migrate = migrate;
        return this;
    }

    /** Passes a setting to Hibernate, for example {@code hibernate.generate_statistics}. */
    public CertTrackBuilder property(String name, Object value) {
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
        if (lockTimeout != null && lockTimeout.compareTo(socketTimeout) >= 0) {
            throw new InvalidValueException("lockTimeout", "must be shorter than socketTimeout (" + socketTimeout.toSeconds()
                    + " s), or the driver would give up the migration's connection before the database gives up its wait",
                    lockTimeout);
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
        Bootstrap.Started started = null;
        try {
            started = Bootstrap.start(target, settings, migrate ? () -> migrate(target, description) : null);
            if (pool != null && readFromStandbys && url.isMultiHost()) {
                readPool = Pools.openForReads("certtrack-reads", url, readPoolSize != null ? readPoolSize : maximumPoolSize,
                        connectionTimeout, validation,
                        socketTimeout);
            }
            return new CertTrack(target, pool, readPool, started, description, limits);
        } catch (RuntimeException | Error e) {
            if (started != null) {
                started.entityManagerFactory().close();
            }
            CertTrack.closeBoth(pool, readPool);
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
            return Bootstrap.migrate(migrationDataSource != null ? migrationDataSource : applicationDataSource, description,
                    lockTimeout());
        }
        try (HikariDataSource owner = Pools.open("certtrack-migrations", ownPoolTarget, 2, connectionTimeout,
                validationTimeout(), socketTimeout)) {
            return Bootstrap.migrate(owner, description, lockTimeout());
        }
    }

    /** The default never reaches a shorter socketTimeout: build() keeps queryTimeout below it. */
    private Duration lockTimeout() {
        if (lockTimeout != null) {
            return lockTimeout;
        }
        return queryTimeout.compareTo(Migrations.DEFAULT_LOCK_TIMEOUT) < 0 ? queryTimeout : Migrations.DEFAULT_LOCK_TIMEOUT;
    }
}
