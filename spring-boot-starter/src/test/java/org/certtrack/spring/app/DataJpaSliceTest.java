package org.certtrack.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.InstructorRepository;
import org.certtrack.Migrations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code @DataJpaTest}, as most Spring teams test persistence: certtrack's migrations, entities and
 * repositories are in the slice, and the application's own Flyway script, which refers to certtrack's
 * {@code engineers}, runs after them on Boot's embedded test database.
 */
@DataJpaTest(showSql = false)
class DataJpaSliceTest {

    @Autowired
    EngineerRepository engineers;
    @Autowired
    InstructorRepository instructors;
    @Autowired
    NoteRepository notes;
    @Autowired
    EngineerSpringDataRepository springDataEngineers;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void certTracksRepositoriesAndTheApplicationsShareTheSlicesTransaction() {
        Engineer ada = engineers.add(new Engineer("Ada Lovelace", "backend", 36));
        notes.save(new Note(ada.getId(), "knows the analytical engine"));

        assertThat(springDataEngineers.findBySpecialty("backend")).extracting(Engineer::getName)
                .as("certtrack's entity, through Spring Data in the slice").containsExactly("Ada Lovelace");
        assertThat(notes.findByEngineerId(ada.getId())).as("the application's note about certtrack's engineer").hasSize(1);
        assertThat(instructors.count()).isZero();
    }

    @Test
    void bothMigrationsRanInTheSlice() {
        assertThat(jdbc.queryForObject("SELECT max(\"version\") FROM \"" + Migrations.HISTORY_TABLE + "\" WHERE \"success\"", String.class))
                .as("certtrack's schema version").isEqualTo("8");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'", Integer.class))
                .as("the application's V1, which refers to engineers").isEqualTo(1);
    }
}
