package org.example.bootapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.certtrack.ConcurrentUpdateException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** What the application gets from the starter alone, on the database its subclass names. */
@SpringBootTest
@DirtiesContext
abstract class StaffingContract {

    @Autowired
    Staffing staffing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void bothMigrationsRanAndTheRepositoriesShareATransaction() {
        String[] before = staffing.counts().split("/");
        staffing.startProject("Apollo", "Margaret Hamilton");

        assertThat(staffing.counts()).as("engineers/projects after one more of each")
                .isEqualTo((Long.parseLong(before[0]) + 1) + "/" + (Long.parseLong(before[1]) + 1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM \"certtrack_schema_history\" WHERE \"success\"", Integer.class))
                .as("certtrack's migrations").isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'", Integer.class))
                .as("the application's V1").isEqualTo(1);
    }

    @Test
    void aLostRaceUnderTransactionalIsCertTracksConcurrentUpdateException() {
        long id = staffing.startProject("Gemini", "Grace Hopper");

        ConcurrentUpdateException conflict = catchThrowableOfType(ConcurrentUpdateException.class,
                () -> staffing.rename(id, "Grace B. Hopper", () -> staffing.setAge(id, 50)));

        assertThat(conflict).as("what the stale rename threw").isNotNull();
        assertThat(conflict.entityName()).isEqualTo("Engineer");
        assertThat(conflict.id()).isEqualTo(id);
    }
}
