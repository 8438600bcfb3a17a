package org.certtrack.seed;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.certtrack.CertTrack;
import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUrl;
import org.certtrack.InvalidValueException;
import org.certtrack.seed.internal.PostgresCopyWriter;
import org.certtrack.seed.internal.RowSource;
import org.certtrack.seed.internal.RowWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the data in a certtrack database with a {@link DataSet}: in one transaction it deletes every
 * engineer, certificate and instructor, then writes the data set. If anything fails (the database, or a progress listener that throws), the transaction rolls back
 * and the database is as it was.
 *
 * <pre>{@code
 * SeedResult result = Seeder.of(certTrack).withSeed(42).seed(DataSet.standard());
 * Seeder.of(certTrack)
 *         .onProgress(p -> System.out.printf("%s %.0f%%%n", p.table(), 100 * p.fraction()))
 *         .seed(DataSet.sized(1_000_000, 3, 500));
 * }</pre>
 *
 * <p><b>Deterministic.</b> The same seed and data set give the same rows on H2 and on PostgreSQL, and
 * the same ids on databases whose sequences stand at the same place: on a fresh database each table's ids
 * run from 1. Without {@link #withSeed} a random seed is used; either way it is logged and returned in the
 * {@link SeedResult}, so a run can be replayed. (The instructors' timestamps come from the database's
 * clock, so they differ from run to run.)
 *
 * <p><b>Ids, before and after.</b> Each table's seeded ids start past every id its sequence has handed out
 * (to this or any other process, which may still hold an unused block of them) and past every id in the
 * table, and the sequence is moved past the seeded rows with room for Hibernate's pooled optimizer
 * (which uses the 50 ids up to each sequence value), never backwards. So the order of seeding and
 * inserting never matters: ids handed out later, by Hibernate or a column default, before or after
 * seeding, in this process or another, never collide with seeded ones. A seeding after inserts (or a
 * second seeding) therefore starts its ids higher than 1.
 *
 * <p><b>Streaming.</b> Rows are generated lazily and written in batches of {@link #withBatchSize
 * batchSize}: on PostgreSQL with {@code COPY ... FROM STDIN}, elsewhere with JDBC batch inserts. Memory
 * stays flat however large the data set. Seeding replaces data with {@code TRUNCATE} on PostgreSQL (which
 * locks the three tables until the commit) and {@code DELETE} elsewhere, or when another table of yours has
 * a foreign key to certtrack's: rows of yours that refer to certtrack's then go as that foreign key's
 * {@code ON DELETE} rule says ({@code CASCADE}, {@code SET NULL}), on H2 and PostgreSQL alike, and if any
 * such row has a foreign key that neither cascades nor sets null, seeding and {@link #deleteAll()} refuse
 * with a {@link CertTrackException} naming its table and column, before changing anything. On PostgreSQL a large table's
 * foreign keys are dropped before its COPY and added back, checking every row at once, before the commit
 * (inside the transaction, so a failure restores them too).
 *
 * <p>A seeder is immutable and thread-safe: the {@code withX} methods return a changed copy.
 */
public final class Seeder {

    private static final Logger log = LoggerFactory.getLogger(Seeder.class);
    private static final int ID_BLOCK = 50;
    /** From this many rows in a table, PostgreSQL checks its foreign keys once after the COPY rather than per row. */
    private static final long BULK_ROWS = 10_000;
    private static final List<String> TABLES_CHILDREN_FIRST = List.of("certificates", "engineers", "instructors");
    // The order RowGenerator writes them in.
    private static final List<String> TABLES_PARENTS_FIRST = List.of("instructors", "engineers", "certificates");

    private final DataSource dataSource;
    private final Long seed;
    private final int batchSize;
    private final Consumer<SeedProgress> progress;

    private Seeder(DataSource dataSource, Long seed, int batchSize, Consumer<SeedProgress> progress) {
        this.dataSource = dataSource;
        this.seed = seed;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /** A seeder for certtrack's database (already migrated by {@link CertTrack}). */
    public static Seeder of(CertTrack certTrack) {
        return of(requireNonNull(certTrack, "certTrack").dataSource());
    }

    /** A seeder for a database whose certtrack schema is migrated. */
    public static Seeder of(DataSource dataSource) {
        return new Seeder(requireNonNull(dataSource, "dataSource"), null, 1000, p -> { });
    }

    /** Use this random seed (by default a random one, logged and returned in the result). */
    public Seeder withSeed(long seed) {
        return new Seeder(dataSource, seed, batchSize, progress);
    }

    /**
     * Tell {@code listener} how far seeding has got, after each batch and at the end of each table; it runs on
     * the seeding thread. A listener that throws stops seeding: the transaction rolls back and the exception
     * propagates.
     */
    public Seeder onProgress(Consumer<SeedProgress> listener) {
        return new Seeder(dataSource, seed, batchSize, requireNonNull(listener, "listener"));
    }

    /**
     * Rows per JDBC batch, and per progress report (default 1000).
     *
     * @throws InvalidValueException unless between 1 and 1,000,000
     */
    public Seeder withBatchSize(int batchSize) {
        if (batchSize < 1 || batchSize > 1_000_000) {
            throw new InvalidValueException("Seeder.batchSize", "must be between 1 and 1000000", batchSize);
        }
        return new Seeder(dataSource, seed, batchSize, progress);
    }

    /** The seed this seeder uses, or null when each {@link #seed} run draws a random one. */
    public Long seed() {
        return seed;
    }

    /**
     * Replaces all engineers, certificates and instructors with {@code dataSet}, in one transaction.
     *
     * @throws CertTrackException if the database fails; nothing is changed then
     */
    public SeedResult seed(DataSet dataSet) {
        requireNonNull(dataSet, "dataSet");
        long seedInUse = seed != null ? seed : new SecureRandom().nextLong();
        log.info("Seeding the {} with seed {}", dataSet, seedInUse);
        long started = System.nanoTime();
        long allRows = dataSet.instructors() + dataSet.engineers() + dataSet.certificates();
        inTransaction("seed the " + dataSet + " with seed " + seedInUse, connection -> {
            refuseReferringHostRows(connection);
            // Each table's ids start past every id the sequence ever gave (a CertTrack may hold a block of
            // them, unused yet) and past every id in the table, so inserts before or after never collide.
            long[] rows = {dataSet.instructors(), dataSet.engineers(), dataSet.certificates()};
            long[] bases = new long[TABLES_PARENTS_FIRST.size()];
            for (int i = 0; i < bases.length; i++) {
                bases[i] = reserveIds(connection, TABLES_PARENTS_FIRST.get(i), rows[i]);
            }
            deleteAll(connection);
            List<RowSource> tables = new RowGenerator(dataSet, seedInUse,
                    new RowGenerator.IdBases(bases[0], bases[1], bases[2])).tables();
            RowWriter writer = RowWriter.forConnection(connection);
            long before = 0;
            for (RowSource table : tables) {
                long offset = before;
                List<String> foreignKeys = writer instanceof PostgresCopyWriter && table.rows() >= BULK_ROWS
                        ? PostgresCopyWriter.dropForeignKeys(connection, table.table()) : List.of();
                writer.write(connection, table, batchSize, written -> progress.accept(
                        new SeedProgress(table.table(), written, table.rows(), offset + written, allRows)));
                for (String addBack : foreignKeys) {
                    execute(connection, addBack);
                }
                if (table.rows() == 0) {
                    progress.accept(new SeedProgress(table.table(), 0, 0, offset, allRows));
                }
                before += table.rows();
            }
            return null;
        });
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        SeedResult result = new SeedResult(seedInUse, dataSet, dataSet.engineers(), dataSet.certificates(),
                dataSet.instructors(), elapsed);
        log.info("Seeded {} rows in {} ms with seed {}", result.rows(), elapsed.toMillis(), seedInUse);
        return result;
    }

    /**
     * Deletes every engineer, certificate and instructor, in one transaction; the id sequences stay where
     * they are.
     *
     * @throws CertTrackException if the database fails; nothing is changed then
     */
    public void deleteAll() {
        inTransaction("delete certtrack's data", Seeder::deleteAll);
    }

    /**
     * The base of {@code rows} ids of {@code table} that no one else has or will be given, reserved before any
     * row is written: the sequence is moved past them at once. On PostgreSQL the sequence is locked first
     * ({@code ALTER SEQUENCE} blocks every other {@code nextval} until the commit), so no other session takes
     * a value between the reading and the moving; on H2 the two are one statement apart, and a rollback does
     * not move it back there (a gap, never a collision). Hibernate's pooled optimizer uses the
     * {@value #ID_BLOCK} ids up to each value it takes: the next value leaves all of them above the rows.
     *
     * @throws CertTrackException if the ids do not fit below {@link Long#MAX_VALUE}
     */
    private static long reserveIds(Connection connection, String table, long rows) throws SQLException {
        String sequence = table + "_id_seq";
        if (isPostgres(connection)) {
            execute(connection, "ALTER SEQUENCE " + sequence + " INCREMENT BY " + ID_BLOCK);
        }
        long base = Math.max(nextValue(connection, table) - 1, maxId(connection, table));
        long restart;
        try {
            restart = Math.addExact(Math.addExact(base, rows), ID_BLOCK);
        } catch (ArithmeticException e) {
            throw new CertTrackException("Could not seed " + table + ": its ids stand at " + base + ", and " + rows
                    + " more (and a block of " + ID_BLOCK + " for Hibernate) do not fit below Long.MAX_VALUE ("
                    + Long.MAX_VALUE + "); nothing was changed. Restart " + sequence + " lower, or seed fewer rows");
        }
        execute(connection, "ALTER SEQUENCE " + sequence + " RESTART WITH " + restart);
        return base;
    }

    /**
     * Refuses to delete certtrack's rows while rows of another table refer to them through a foreign key
     * without {@code ON DELETE CASCADE} or {@code SET NULL}: the same on H2 and PostgreSQL, before anything is
     * deleted. Rows whose foreign key says what to do go as it says, on both databases.
     *
     * @throws CertTrackException naming each referring table and column
     */
    private static void refuseReferringHostRows(Connection connection) throws SQLException {
        List<String> referring = new ArrayList<>();
        for (HostForeignKey key : hostForeignKeys(connection)) {
            if (key.restricts() && key.hasRows(connection)) {
                referring.add(key.table() + "." + key.column() + " -> " + key.references());
            }
        }
        if (!referring.isEmpty()) {
            throw new CertTrackException("Could not replace certtrack's data: rows of your tables refer to it ("
                    + String.join(", ", referring) + "), and their foreign keys neither cascade nor set null on delete;"
                    + " nothing was changed. Delete those rows first, or give the foreign keys ON DELETE CASCADE or"
                    + " ON DELETE SET NULL");
        }
    }

    /** The other tables' foreign keys to certtrack's tables, in the connection's schema. */
    private static List<HostForeignKey> hostForeignKeys(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        boolean upper = metadata.storesUpperCaseIdentifiers();
        String quote = metadata.getIdentifierQuoteString().strip();
        List<HostForeignKey> keys = new ArrayList<>();
        for (String table : TABLES_CHILDREN_FIRST) {
            String stored = upper ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet exported = metadata.getExportedKeys(connection.getCatalog(), connection.getSchema(), stored)) {
                while (exported.next()) {
                    String foreignTable = exported.getString("FKTABLE_NAME");
                    String shown = upper ? foreignTable.toLowerCase(Locale.ROOT) : foreignTable;
                    if (TABLES_CHILDREN_FIRST.contains(shown)) {
                        continue;
                    }
                    String column = exported.getString("FKCOLUMN_NAME");
                    String schema = exported.getString("FKTABLE_SCHEM");
                    int rule = exported.getShort("DELETE_RULE");
                    String qualified = (schema == null ? "" : quote + schema + quote + ".") + quote + foreignTable + quote;
                    keys.add(new HostForeignKey(shown, upper ? column.toLowerCase(Locale.ROOT) : column, table,
                            rule != DatabaseMetaData.importedKeyCascade && rule != DatabaseMetaData.importedKeySetNull
                                    && rule != DatabaseMetaData.importedKeySetDefault,
                            "SELECT COUNT(*) FROM " + qualified + " WHERE " + quote + column + quote + " IS NOT NULL"));
                }
            }
        }
        return keys;
    }

    /** A foreign key of another table to one of certtrack's, and whether it keeps a referred row from being deleted. */
    private record HostForeignKey(String table, String column, String references, boolean restricts, String countSql) {

        boolean hasRows(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery(countSql)) {
                count.next();
                return count.getLong(1) > 0;
            }
        }
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    }

    /** Empties the tables, in the connection's transaction, as the foreign keys of other tables to them say. */
    private static Void deleteAll(Connection connection) throws SQLException {
        refuseReferringHostRows(connection);
        // TRUNCATE cannot follow another table's foreign key (its ON DELETE rule): DELETE then, as on H2.
        if (isPostgres(connection) && hostForeignKeys(connection).isEmpty()) {
            // Transactional on PostgreSQL, and it leaves no dead rows behind as DELETE would.
            execute(connection, "TRUNCATE TABLE " + String.join(", ", TABLES_CHILDREN_FIRST));
        } else {
            for (String table : TABLES_CHILDREN_FIRST) {
                execute(connection, "DELETE FROM " + table);
            }
        }
        return null;
    }

    /** The largest id in the table, 0 when it is empty. */
    private static long maxId(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Takes the sequence's next value: a number no one else has or will be given. */
    private static long nextValue(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT nextval('" + table + "_id_seq')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new CertTrackException("Could not " + what + ": " + DatabaseUrl.mask(e.getMessage()), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public String toString() {
        return "Seeder{seed=" + (seed == null ? "random" : seed) + ", batchSize=" + batchSize + "}";
    }
}
