package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The database enforces the rules itself: each is tried with raw SQL that bypasses the entities, and
 * the table is unchanged afterwards. (The same rules in Java are in {@link EntityRulesTest}.)
 */
abstract class SchemaRulesContract extends DatabaseContract {

    @Test
    void aRowInsertedWithoutAnIdGetsOneFromTheDatabase() throws SQLException {
        executeSql("INSERT INTO instructors (name) VALUES ('Grace')",
                "INSERT INTO engineers (name, specialty, age) VALUES ('Ada', 'backend', 36)");
        long engineerId = queryForLong("SELECT id FROM engineers");
        executeSql("INSERT INTO certificates (title, expiration_year, engineer_id) VALUES ('AWS', 2027, " + engineerId + ")");

        assertThat(queryForLong("SELECT COUNT(*) FROM instructors WHERE id IS NOT NULL")).isEqualTo(1);
        assertThat(queryForLong("SELECT COUNT(*) FROM certificates WHERE id IS NOT NULL")).isEqualTo(1);

        long javaId = certTrack.inTransaction(work -> work.engineers().add(new Engineer("Linus", "devops", 50)).getId());
        assertThat(javaId).as("Hibernate's ids and the column default share one sequence").isNotEqualTo(engineerId);
    }

    @ParameterizedTest(name = "engineers.name = {0}")
    @ValueSource(strings = {"''", "'   '", "'  ' || CHR(9) || CHR(10) || ' '", "NULL", "REPEAT('x', 101)"})
    void engineerNamesMustBeNonBlankAndFit(String name) throws SQLException {
        assertRejected("INSERT INTO engineers (name, specialty, age) VALUES (" + name + ", 'backend', 30)", "engineers");
    }

    @ParameterizedTest(name = "engineers.specialty = {0}")
    @ValueSource(strings = {"''", "' '", "NULL", "REPEAT('x', 51)"})
    void engineerSpecialtiesMustBeNonBlankAndFit(String specialty) throws SQLException {
        assertRejected("INSERT INTO engineers (name, specialty, age) VALUES ('Ada', " + specialty + ", 30)", "engineers");
    }

    @ParameterizedTest(name = "engineers.age = {0}")
    @ValueSource(strings = {"15", "101", "-1", "NULL", "2147483647"})
    void engineerAgesMustBePlausible(String age) throws SQLException {
        assertRejected("INSERT INTO engineers (name, specialty, age) VALUES ('Ada', 'backend', " + age + ")", "engineers");
    }

    @Test
    void plausibleAgeBoundsAreAccepted() throws SQLException {
        executeSql("INSERT INTO engineers (name, specialty, age) VALUES ('Young', 'backend', 16)",
                "INSERT INTO engineers (name, specialty, age) VALUES ('Old', 'backend', 100)");
        assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).isEqualTo(2);
    }

    @ParameterizedTest(name = "instructors.name = {0}")
    @ValueSource(strings = {"''", "'  '", "CHR(13) || CHR(10)", "NULL", "REPEAT('x', 101)"})
    void instructorNamesMustBeNonBlankAndFit(String name) throws SQLException {
        assertRejected("INSERT INTO instructors (name) VALUES (" + name + ")", "instructors");
    }

    @ParameterizedTest(name = "certificates: {0}")
    @ValueSource(strings = {
            "'', 2027, %d", "' ', 2027, %d", "NULL, 2027, %d", "REPEAT('x', 101), 2027, %d",
            "'AWS', 1999, %d", "'AWS', 2101, %d", "'AWS', NULL, %d",
            "'AWS', 2027, NULL", "'AWS', 2027, -42"})
    void certificatesNeedATitleAPlausibleYearAndAnEngineer(String values) throws SQLException {
        executeSql("INSERT INTO engineers (name, specialty, age) VALUES ('Ada', 'backend', 36)");
        long engineerId = queryForLong("SELECT id FROM engineers");
        assertRejected("INSERT INTO certificates (title, expiration_year, engineer_id) VALUES ("
                + values.formatted(engineerId) + ")", "certificates");
    }

    @Test
    void aCertificateMayNotPointAtAMissingInstructor() throws SQLException {
        executeSql("INSERT INTO engineers (name, specialty, age) VALUES ('Ada', 'backend', 36)");
        long engineerId = queryForLong("SELECT id FROM engineers");
        assertRejected("INSERT INTO certificates (title, expiration_year, engineer_id, instructor_id) VALUES ('AWS', 2027, "
                + engineerId + ", -1)", "certificates");
    }

    @Test
    void aBlankRenameThroughRawSqlIsRejected() throws SQLException {
        executeSql("INSERT INTO instructors (name) VALUES ('Grace')");
        assertThatThrownBy(() -> executeSql("UPDATE instructors SET name = ' ' WHERE name = 'Grace'"))
                .isInstanceOf(SQLException.class);
        assertThat(queryForLong("SELECT COUNT(*) FROM instructors WHERE name = 'Grace'")).isEqualTo(1);
    }

    private void assertRejected(String insert, String table) throws SQLException {
        long before = queryForLong("SELECT COUNT(*) FROM " + table);
        assertThatThrownBy(() -> executeSql(insert)).as(insert).isInstanceOf(SQLException.class);
        assertThat(queryForLong("SELECT COUNT(*) FROM " + table)).as("nothing written by " + insert).isEqualTo(before);
    }
}
