package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A unit of work that fails halfway leaves the database exactly as it was: every row of every table,
 * versions and timestamps included. It renames existing rows, then writes a batch of {@value #BATCH}
 * engineers with certificates, flushing every {@value #FLUSH_EVERY} rows so that earlier rows have
 * really reached the database, and fails at row k: the caller throws, the database rejects a value
 * the Java checks cannot see (a check), or a link to an instructor that does not exist (a foreign key).
 */
abstract class FaultsContract extends DatabaseContract {

    static final int BATCH = 100;
    static final int FLUSH_EVERY = 25;

    private long graceId;
    private long adaId;

    @BeforeEach
    void existingRows() {
        certTrack.useTransaction(work -> {
            Instructor grace = work.instructors().add(new Instructor("Grace"));
            Engineer ada = new Engineer("Ada", "backend", 36);
            grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
            work.engineers().add(ada);
            graceId = grace.getId();
            adaId = ada.getId();
        });
    }

    @ParameterizedTest(name = "{0} at row {1}")
    @CsvSource({
            "caller throws, 0", "caller throws, 1", "caller throws, 49", "caller throws, 50", "caller throws, 99",
            "database rejects a check, 0", "database rejects a check, 26", "database rejects a check, 99",
            "database rejects a foreign key, 0", "database rejects a foreign key, 50", "database rejects a foreign key, 99"})
    void aUnitOfWorkFailingAtRowKLeavesTheDatabaseExactlyAsItWas(String fault, int k) throws SQLException {
        List<String> before = tableContents();

        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            work.engineers().getById(adaId).setAge(37);
            work.instructors().getById(graceId).setName("Grace Hopper");
            for (int row = 0; row < BATCH; row++) {
                Engineer engineer = new Engineer("Engineer " + row, "backend", 30);
                Certificate certificate = engineer.addCertificate(new Certificate("Cert " + row, 2030));
                if (row == k) {
                    fail(fault, work, certificate, row);
                }
                if (!fault.endsWith("foreign key") || row != k) {
                    work.instructors().getById(graceId).addCertificate(certificate);
                }
                work.engineers().add(engineer);
                if (row % FLUSH_EVERY == FLUSH_EVERY - 1) {
                    work.flush();
                }
            }
        })).satisfies(e -> assertThat(describe(e)).as("the failure says what went wrong")
                .contains(expectedMessage(fault).toLowerCase(Locale.ROOT)));

        assertThat(tableContents()).as("every table after a failure at row %d (%s)", k, fault).isEqualTo(before);
        assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).isEqualTo(1);
    }

    /**
     * A checked exception thrown sneakily (as Kotlin code, {@code @SneakyThrows} or a generic rethrow do)
     * after the unit has written and flushed: more such units than the pool has connections, each
     * holding a row lock when it throws. If any of them left its transaction open, the pool would run dry
     * (the later units fail after the connection timeout) and the rows would stay locked.
     */
    @Test
    void aCheckedExceptionThrownSneakilyRollsBackReleasesTheConnectionAndReachesTheCallerUnchanged() throws SQLException {
        int units = POOL_SIZE + 2;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            String name = "Locked " + i;
            ids.add(certTrack.inTransaction(work -> work.engineers().add(new Engineer(name, "backend", 30)).getId()));
        }
        List<String> before = tableContents();

        for (int i = 0; i < units; i++) {
            long id = ids.get(i);
            IOException thrown = new IOException("the caller's I/O failed in unit " + i);
            assertThatThrownBy(() -> certTrack.useTransaction(work -> {
                work.engineers().getById(id).setAge(99);
                work.flush();                                  // the row is written and locked now
                throw CertTrackSneaky.<RuntimeException>sneaky(thrown);
            })).as("what unit %d of %d (pool of %d) threw reaches the caller", i, units, POOL_SIZE).isSameAs(thrown);
        }

        assertThat(tableContents()).as("every table after %d units failed with a checked exception", units).isEqualTo(before);
        certTrack.useTransaction(work -> ids.forEach(id -> work.engineers().getById(id).setAge(31)));
        assertThat(queryForLong("SELECT COUNT(*) FROM engineers WHERE age = 31"))
                .as("rows the failed units had written and locked can be written again").isEqualTo(units);
    }

    /** The pool size of {@link TestDatabase#certTrack()}. */
    private static final int POOL_SIZE = 4;

    /** Throws a checked exception where the compiler does not expect one. */
    static final class CertTrackSneaky {
        @SuppressWarnings("unchecked")
        static <E extends Throwable> E sneaky(Throwable e) throws E {
            throw (E) e;
        }
    }

    private static void fail(String fault, UnitOfWork work, Certificate certificate, int row) {
        switch (fault) {
            case "caller throws" -> throw new IllegalStateException("the caller failed at row " + row);
            // 200 is no plausible age; only the database's ck_engineers_age_plausible sees it.
            case "database rejects a check" -> work.entityManager()
                    .createNativeQuery("INSERT INTO engineers (name, specialty, age) VALUES ('Methuselah', 'backend', 200)")
                    .executeUpdate();
            // A reference is not loaded: the instructor's absence shows only when the row is written.
            case "database rejects a foreign key" ->
                    certificate.linkInstructor(work.entityManager().getReference(Instructor.class, -1L));
            default -> throw new IllegalArgumentException(fault);
        }
    }

    private static String expectedMessage(String fault) {
        return switch (fault) {
            case "caller throws" -> "the caller failed at row";
            case "database rejects a check" -> "ck_engineers_age_plausible";
            default -> "fk_certificates_instructor_id_instructors";
        };
    }

    private static String describe(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }
}
