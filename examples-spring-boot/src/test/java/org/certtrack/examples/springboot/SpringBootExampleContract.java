package org.certtrack.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.certtrack.Engineer;
import org.certtrack.PageRequest;
import org.certtrack.EngineerRepository;
import org.certtrack.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Spring Boot example's wiring, started once per database: {@link SpringBootExampleTest} on H2,
 * {@link SpringBootExampleIT} on PostgreSQL.
 */
@SpringBootTest
abstract class SpringBootExampleContract {

    @Autowired
    private TeamService team;
    @Autowired
    private EngineerRepository engineers;
    @Autowired
    private EngineerSpringDataRepository springEngineers;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private Environment environment;

    @Test
    void theStarterRanCerttracksMigrationsAndSpringsFlywayTheApplicationsOwn() {
        assertThat(jdbc.queryForList("SELECT \"script\" FROM \"certtrack_schema_history\""
                + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL AND \"type\" = 'SQL'", String.class))
                .as("certtrack's scripts, in certtrack's history table")
                .containsExactly("V1__create_certtrack_schema.sql", "V2__add_version_columns.sql",
                        "V3__index_names_for_paging.sql", "V4__versions_and_timestamps_for_every_writer.sql",
                        "V5__one_definition_of_blank.sql", "V6__lengths_in_characters.sql", "V7__index_paged_reads.sql",
                        "V8__row_triggers_only_when_needed.sql");
        assertThat(jdbc.queryForList("SELECT \"script\" FROM \"flyway_schema_history\""
                + " WHERE \"success\" = TRUE AND \"type\" = 'SQL'", String.class))
                .as("the application's scripts, in Spring's history table")
                .containsExactly("V1__create_team_notes.sql");
    }

    @Test
    void hibernateOnlyValidatesTheSchema() {
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
    }

    @Test
    void theStartupRunnerHiredTheSampleTeam() {
        List<Engineer> adas = transaction.execute(status -> engineers.findByNameContaining("Ada Lovelace", PageRequest.first()));
        assertThat(adas).extracting(Engineer::getSpecialty).containsExactly("backend");
    }

    @Test
    void springDataSeesWhatCerttracksRepositoryAddedInTheSameTransaction() {
        long dataEngineers = team.hire("Margaret Hamilton", "flight-software", 33, "Apollo", 2030);
        assertThat(dataEngineers).as("Spring Data found the engineer certtrack's repository just added, before commit")
                .isEqualTo(1);
        assertThat(springEngineers.findBySpecialtyOrderByNameAsc("flight-software"))
                .extracting(Engineer::getName).containsExactly("Margaret Hamilton");
        Engineer margaret = springEngineers.findBySpecialtyOrderByNameAsc("flight-software").get(0);
        String title = transaction.execute(status -> engineers.findByIdWithCertificates(margaret.getId()).orElseThrow()
                .getCertificates().get(0).getTitle());
        assertThat(title).as("Margaret's certificate, read back through certtrack").isEqualTo("Apollo");
    }

    @Test
    void aFailedTransactionSavesNothing() {
        long before = springEngineers.count();
        assertThatThrownBy(() -> team.hireAll(List.of(new TeamService.NewHire("Barbara Liskov", "languages", 40),
                new TeamService.NewHire("Too Young", "languages", 12))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("Engineer.age");
        assertThat(springEngineers.findBySpecialtyOrderByNameAsc("languages"))
                .as("Barbara, already written, rolled back with the invalid second hire").isEmpty();
        assertThat(springEngineers.count()).isEqualTo(before);
    }
}
