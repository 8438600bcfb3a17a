package org.example.slice;

import static org.assertj.core.api.Assertions.assertThat;

import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's persistence tested with {@code @DataJpaTest}: certtrack's repositories beside its own,
 * on the database its subclass names; each test rolled back by the slice.
 */
@DataJpaTest(showSql = false)
abstract class ProjectsSliceContract {

    @Autowired
    EngineerRepository engineers;
    @Autowired
    ProjectRepository projects;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void certTracksRepositoryAndTheApplicationsWorkInOneSliceTransaction() {
        Engineer lead = engineers.add(new Engineer("Margaret Hamilton", "flight software", 33));
        projects.save(new Project("Apollo", lead.getId()));

        assertThat(engineers.findByNameContaining("Hamilton", PageRequest.first())).extracting(Engineer::getName)
                .containsExactly("Margaret Hamilton");
        assertThat(projects.findAll()).extracting(Project::getName).containsExactly("Apollo");
    }

    @Test
    void bothMigrationsRanBeforeTheSlice() {
        assertThat(jdbc.queryForObject("SELECT max(\"version\") FROM \"certtrack_schema_history\" WHERE \"success\"", String.class))
                .as("certtrack's schema version").isEqualTo("8");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'", Integer.class))
                .as("the application's V1, which refers to certtrack's engineers").isEqualTo(1);
    }
}
