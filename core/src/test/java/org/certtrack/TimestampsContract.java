package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** created_at and updated_at come from the database server's clock. */
abstract class TimestampsContract extends DatabaseContract {

    @Test
    void bothTimestampsAreSetOnInsertFromTheDatabaseClock() throws SQLException {
        Instant before = databaseNow();
        long id = certTrack.inTransaction(work -> work.instructors().add(new Instructor("Grace")).getId());
        Instant after = databaseNow();

        certTrack.useTransaction(work -> {
            Instructor grace = work.instructors().findById(id).orElseThrow();
            assertThat(grace.getCreatedAt()).as("created_at").isBetween(before, after);
            assertThat(grace.getUpdatedAt()).as("updated_at is filled too (the original left it null)")
                    .isEqualTo(grace.getCreatedAt());
        });
    }

    @Test
    void theEntitySeesTheTimestampsRightAfterInsert() {
        Instructor grace = certTrack.inTransaction(work -> work.instructors().add(new Instructor("Grace")));
        assertThat(grace.getCreatedAt()).isNotNull();
        assertThat(grace.getUpdatedAt()).isNotNull();
    }

    @Test
    void updatedAtAdvancesOnEveryUpdateAndCreatedAtStays() throws Exception {
        long id = certTrack.inTransaction(work -> work.instructors().add(new Instructor("Grace")).getId());
        Instructor inserted = certTrack.inTransaction(work -> work.instructors().findById(id).orElseThrow());

        Thread.sleep(5);
        certTrack.useTransaction(work -> work.instructors().findById(id).orElseThrow().setName("Grace Hopper"));
        Instructor renamed = certTrack.inTransaction(work -> work.instructors().findById(id).orElseThrow());
        Thread.sleep(5);
        certTrack.useTransaction(work -> work.instructors().findById(id).orElseThrow().setName("Rear Admiral Hopper"));
        Instructor renamedAgain = certTrack.inTransaction(work -> work.instructors().findById(id).orElseThrow());

        assertThat(renamed.getUpdatedAt()).as("first update").isAfter(inserted.getUpdatedAt());
        assertThat(renamedAgain.getUpdatedAt()).as("second update").isAfter(renamed.getUpdatedAt());
        assertThat(renamedAgain.getCreatedAt()).as("created_at never moves").isEqualTo(inserted.getCreatedAt());
    }

    @Test
    void aRawInsertGetsBothTimestampsToo() throws SQLException {
        executeSql("INSERT INTO instructors (name) VALUES ('Grace')");
        assertThat(queryForLong("SELECT COUNT(*) FROM instructors WHERE created_at IS NOT NULL AND updated_at = created_at"))
                .isEqualTo(1);
    }

    private Instant databaseNow() throws SQLException {
        try (Connection connection = certTrack.dataSource().getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            rows.next();
            // Allow for the clock's resolution, which on some systems is coarser than a microsecond.
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        }
    }
}
