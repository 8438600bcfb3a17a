package org.certtrack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of the tests that run on both databases: each contract is an abstract class whose
 * {@code *Test} subclass runs it on H2 and whose {@code *IT} subclass runs it on PostgreSQL. A class
 * gets a private, migrated database; every test starts with empty tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {

    protected TestDatabase database;
    protected CertTrack certTrack;
    protected final SqlStatementCounter statements = new SqlStatementCounter();

    /** The database this subclass runs on. */
    protected abstract TestDatabase openDatabase();

    @BeforeAll
    void openCertTrack() {
        database = openDatabase();
        certTrack = configure(database.certTrack()
                .property("hibernate.session_factory.statement_inspector", statements))
                .build();
    }

    /** Options of this subclass's certtrack on top of {@link TestDatabase#certTrack()}; none by default. */
    protected CertTrackBuilder configure(CertTrackBuilder builder) {
        return builder;
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        executeSql("DELETE FROM certificates", "DELETE FROM engineers", "DELETE FROM instructors");
        statements.reset();
    }

    @AfterAll
    void closeCertTrack() throws SQLException {
        if (certTrack != null) {
            certTrack.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /**
     * Runs {@code work} in a unit of work of its own on another thread, as another writer would, and returns
     * its result once it committed: units of work do not nest on one thread.
     */
    protected <T> T asAnotherWriter(Function<UnitOfWork, T> work) {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(() -> certTrack.inTransaction(work)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the other writer did not finish within 30 s", e);
        } finally {
            other.shutdownNow();
        }
    }

    /** Runs SQL straight through JDBC, bypassing Hibernate and the entities' checks. */
    protected void executeSql(String... sql) throws SQLException {
        try (Connection connection = certTrack.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /**
     * Every row of certtrack's tables, every column (versions and timestamps too), in id order: compare
     * the contents before and after to show that a failed unit of work wrote nothing.
     */
    protected List<String> tableContents() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = certTrack.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : List.of("engineers", "certificates", "instructors")) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            row.append(column == 1 ? ": " : ", ").append(columns.getColumnName(column).toLowerCase(Locale.ROOT))
                                    .append('=').append(result.getString(column));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    /** The single number a SQL query returns. */
    protected long queryForLong(String sql) throws SQLException {
        try (Connection connection = certTrack.dataSource().getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
