package org.certtrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code certtrack.migrations.user} on PostgreSQL: certtrack's tables are migrated, and owned, by a role of
 * their own, while the application connects as its own user. Skipped, counted, without PostgreSQL.
 */
@RequiresPostgres
class MigrationCredentialsIT {

    private final String owner = "certtrack_owner_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private TestDatabase database;

    @BeforeEach
    void createOwner() throws SQLException {
        database = TestDatabase.postgres();
        execute("CREATE ROLE " + owner + " LOGIN", "GRANT USAGE, CREATE ON SCHEMA " + database.schema() + " TO " + owner);
    }

    @AfterEach
    void dropOwner() throws SQLException {
        try {
            execute("DROP OWNED BY " + owner + " CASCADE", "DROP ROLE " + owner);
        } finally {
            database.close();
        }
    }

    @Test
    void certTracksTablesBelongToTheMigrationUser() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
                        CertTrackAutoConfiguration.class, CertTrackMigrationsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + database.url().jdbcUrl(),
                        "spring.datasource.username=" + database.url().username(),
                        "certtrack.migrations.user=" + owner)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(jdbc.queryForObject("SELECT tableowner FROM pg_tables WHERE schemaname = current_schema()"
                            + " AND tablename = 'engineers'", String.class)).as("owner of engineers").isEqualTo(owner);
                    assertThat(jdbc.queryForList("SELECT DISTINCT installed_by FROM certtrack_schema_history", String.class))
                            .as("who applied certtrack's migrations").containsExactly(owner);
                    assertThat(jdbc.queryForObject("SELECT current_user", String.class))
                            .as("the application's own user").isEqualTo(database.url().username());
                });
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
