package org.certtrack.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.certtrack.CertTrack;
import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Main} on PostgreSQL, as a {@code DATABASE_URL} points it there: loads once, reports twice. */
@RequiresPostgres
class MainIT {

    private TestDatabase database;

    @BeforeEach
    void freshSchema() {
        database = TestDatabase.postgres();
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void firstRunLoadsTheStandardDataAndASecondRunFindsIt() {
        String first = run();
        assertThat(first).contains("certtrack on CertTrack{jdbc:postgresql:", "The database was empty",
                "Engineers (10)", "Instructors (4)", "Certificates expiring in 2026 (");
        String second = run();
        assertThat(second).doesNotContain("The database was empty")
                .isEqualTo(first.replace("The database was empty: loaded the standard data set (seed 1).\n", ""));
    }

    private String run() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                () -> CertTrack.builder().url(database.url()).maximumPoolSize(2).build(), new SeederDataLoader(),
                Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
        assertThat(main.run()).isEqualTo(Main.OK);
        return out.toString(StandardCharsets.UTF_8);
    }
}
