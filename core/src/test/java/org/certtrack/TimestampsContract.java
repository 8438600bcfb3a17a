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

    @Test
    void anInsertPassingANullUpdatedAtGetsTheServersTime() throws SQLException {
        // What SQLAlchemy's ORM sends for the original model, whose updated_at has only an onupdate.
        executeSql("INSERT INTO instructors (name, updated_at) VALUES ('Grace', NULL)",
                "INSERT INTO instructors (name, created_at, updated_at) VALUES ('Linus', NULL, NULL)");
        assertThat(queryForLong("SELECT COUNT(*) FROM instructors"
                + " WHERE created_at IS NOT NULL AND updated_at = created_at AND version = 0")).isEqualTo(2);
    }

    @Test
    void anUpdateByAnotherWriterAdvancesUpdatedAtAndVersionButNeverCreatedAt() throws Exception {
        long id = certTrack.inTransaction(work -> work.instructors().add(new Instructor("Grace")).getId());
        Instructor inserted = certTrack.inTransaction(work -> work.instructors().getById(id));
        Thread.sleep(5);

        executeSql("UPDATE instructors SET name = 'Grace Hopper' WHERE id = " + id,
                "UPDATE instructors SET created_at = created_at - INTERVAL '1' DAY, updated_at = NULL WHERE id = " + id);

        Instructor updated = certTrack.inTransaction(work -> work.instructors().getById(id));
        assertThat(updated.getVersion()).as("two updates that never named version").isEqualTo(inserted.getVersion() + 2);
        assertThat(updated.getUpdatedAt()).as("updated_at").isAfter(inserted.getUpdatedAt());
        assertThat(updated.getCreatedAt()).as("created_at never moves").isEqualTo(inserted.getCreatedAt());
    }

    @Test
    void updatedAtIsNeverBeforeCreatedAtWhenTransactionsOverlap() {
        long id = certTrack.inTransaction(early -> {
            early.instructors().count();                    // this transaction has begun: now() is fixed
            pause(50);
            long inserted = asAnotherWriter(work -> work.instructors().add(new Instructor("Grace")).getId());
            early.instructors().getById(inserted).setName("Grace Hopper");
            return inserted;
        });
        certTrack.useTransaction(work -> {
            Instructor grace = work.instructors().getById(id);
            assertThat(grace.getUpdatedAt()).as("updated by a transaction that began before the insert")
                    .isAfterOrEqualTo(grace.getCreatedAt());
        });
    }

    @Test
    void updatedAtNeverGoesBackwardsWhenALaterTransactionCommitsFirst() {
        long id = certTrack.inTransaction(work -> work.instructors().add(new Instructor("Grace")).getId());
        Instant[] later = new Instant[1];
        certTrack.useTransaction(early -> {
            early.instructors().count();                    // this transaction has begun: now() is fixed
            pause(50);
            asAnotherWriter(work -> {
                work.instructors().getById(id).setName("Grace Hopper");
                return null;
            });
            later[0] = asAnotherWriter(work -> work.instructors().getById(id).getUpdatedAt());
            early.instructors().getById(id).setName("Rear Admiral Hopper");
        });
        Instant last = certTrack.inTransaction(work -> work.instructors().getById(id).getUpdatedAt());
        assertThat(last).as("the last committed update's updated_at, against the one committed before it")
                .isAfterOrEqualTo(later[0]);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
