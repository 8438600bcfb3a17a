package org.certtrack.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.certtrack.EngineerRepository;
import org.certtrack.spring.CertTrackSchemaInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code @JdbcTest}: certtrack's tables are migrated in the slice (before the application's own Flyway
 * script that refers to them), and nothing of JPA is: no repositories of certtrack's.
 */
@JdbcTest
class JdbcSliceTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void certTracksTablesAreThereForPlainJdbc() {
        jdbc.update("INSERT INTO engineers (name, specialty, age) VALUES ('Ada Lovelace', 'backend', 36)");
        jdbc.update("INSERT INTO notes (engineer_id, text) SELECT id, 'analytical engine' FROM engineers");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM notes", Integer.class))
                .as("the application's notes about certtrack's engineers").isEqualTo(1);
        assertThat(context.getBean(CertTrackSchemaInitializer.class).result().applied()).hasSize(8);
        assertThat(context.getBeanNamesForType(EngineerRepository.class)).as("JPA repositories in a JDBC slice").isEmpty();
    }
}
