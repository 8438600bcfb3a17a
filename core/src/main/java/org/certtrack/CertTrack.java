package org.certtrack;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.certtrack.internal.Bootstrap;
import org.certtrack.internal.Pools;
import org.certtrack.internal.Timeouts;

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

    /** The longest a statement may run unless {@link CertTrackBuilder#queryTimeout} says otherwise. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    /** The longest certtrack waits for any answer from PostgreSQL unless {@link CertTrackBuilder#socketTimeout} says otherwise. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Pools.DEFAULT_SOCKET_TIMEOUT;

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final DataSource readDataSource;
    private final HikariDataSource ownedReadPool;
    private final EntityManagerFactory entityManagerFactory;
    private final Migrations.MigrationResult migration;
    private final String description;
    private final UnitOfWorkRunner units;

    CertTrack(DataSource dataSource, HikariDataSource ownedPool, HikariDataSource ownedReadPool,
              Bootstrap.Started started, String description, Timeouts.Limits limits) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.readDataSource = ownedReadPool != null ? ownedReadPool : dataSource;
        this.ownedReadPool = ownedReadPool;
        this.entityManagerFactory = started.entityManagerFactory();
        this.migration = started.migration();
        this.description = description;
        this.units = new UnitOfWorkRunner(entityManagerFactory, dataSource, ownedPool, ownedReadPool, limits);
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
    public static CertTrackBuilder builder() {
        return new CertTrackBuilder();
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
     * @throws IllegalStateException        at once, when called inside another unit of work of this certtrack on
     *                                      the same thread: units do not nest (pass the outer {@link UnitOfWork} on)
     */
    public <T> T inTransaction(Function<UnitOfWork, T> work) {
        requireNonNull(work, "work");
        return units.inTransaction(work);
    }

    /**
     * Runs {@code work} in one read-only transaction and returns its result. Hibernate neither
     * snapshots nor dirty-checks what it loads and never flushes, and the database is told the
     * transaction only reads, so a read costs less than in {@link #inTransaction(Function)}. Changes made
     * to entities here are not saved, and the repositories' {@code add} and {@code delete} methods throw
     * {@link IllegalStateException}. A write of the work's own (a native or bulk {@code UPDATE}, a persist
     * and flush) fails with {@link ReadOnlyUnitException} on H2 and PostgreSQL alike, and the transaction
     * ends in a rollback, so nothing is written.
     * Whatever {@code work} throws, the transaction ends and the connection goes back to the pool.
     *
     * <p>With a multi-host URL (a primary and its standbys, see {@link CertTrackBuilder#readFromStandbys(boolean)}) it
     * runs on a standby when one is up, and on the primary otherwise. A standby may lag behind the primary:
     * a unit of work committed a moment ago may not show yet. Use {@link #readFromPrimary(Function)} to read
     * what you have just written.
     *
     * @throws DatabaseUnavailableException if the database cannot be reached within the connection timeout,
     *                                      or stops answering for the socket timeout
     * @throws PoolExhaustedException       if every pooled connection stays busy for the connection timeout
     * @throws TimedOutException            if a statement runs longer than the query timeout
     * @throws ReadOnlyUnitException        if the work tried to write
     * @throws IllegalStateException        at once, inside another unit of work of this certtrack on this thread
     */
    public <T> T read(Function<UnitOfWork, T> work) {
        requireNonNull(work, "work");
        return units.read("CertTrack.read", readDataSource, work);
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
     * @throws ReadOnlyUnitException        if the work tried to write
     * @throws IllegalStateException        at once, inside another unit of work of this certtrack on this thread
     */
    public <T> T readFromPrimary(Function<UnitOfWork, T> work) {
        requireNonNull(work, "work");
        return units.read("CertTrack.readFromPrimary", dataSource, work);
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
        return units.inTransaction(retry, work);
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
     * application's credentials, not the {@linkplain CertTrackBuilder#migrationUrl(String) migration credentials}.
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
    static void closeBoth(HikariDataSource first, HikariDataSource second) {
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
}
