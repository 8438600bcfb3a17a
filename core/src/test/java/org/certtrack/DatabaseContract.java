package org.certtrack;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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
        certTrack = database.certTrack()
                .property("hibernate.session_factory.statement_inspector", statements)
                .build();
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

    /** Runs SQL straight through JDBC, bypassing Hibernate and the entities' checks. */
    protected void executeSql(String... sql) throws SQLException {
        try (Connection connection = certTrack.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
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
