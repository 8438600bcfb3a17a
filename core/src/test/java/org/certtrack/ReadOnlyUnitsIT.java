package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** {@link ReadOnlyUnitsContract} on PostgreSQL, which also enforces that a read-only unit writes nothing. */
@RequiresPostgres
class ReadOnlyUnitsIT extends ReadOnlyUnitsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }

    @Test
    void theDatabaseIsToldThatAReadOnlyUnitOnlyReads() {
        String inRead = certTrack.read(ReadOnlyUnitsIT::transactionReadOnly);
        String inTransaction = certTrack.inTransaction(ReadOnlyUnitsIT::transactionReadOnly);
        assertThat(inRead).as("transaction_read_only in a read-only unit").isEqualTo("on");
        assertThat(inTransaction).as("in a read-write unit after it").isEqualTo("off");
    }

    @Test
    void postgresqlRefusesAWriteOfOurOwnInAReadOnlyUnitAndNothingIsWritten() throws SQLException {
        var before = tableContents();
        assertThatThrownBy(() -> certTrack.read(work -> work.entityManager()
                .createNativeQuery("UPDATE engineers SET age = 99").executeUpdate()))
                .satisfies(e -> assertThat(sqlStates(e)).as("SQLStates of the failure").contains("25006"));
        assertThat(tableContents()).as("every table after the refused update").isEqualTo(before);
    }

    private static String transactionReadOnly(UnitOfWork work) {
        EntityManager entityManager = work.entityManager();
        return (String) entityManager.createNativeQuery("SELECT current_setting('transaction_read_only')").getSingleResult();
    }

    private static java.util.List<String> sqlStates(Throwable failure) {
        java.util.List<String> states = new java.util.ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                states.add(sql.getSQLState());
            }
        }
        return states;
    }
}
