package org.certtrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.certtrack.Engineer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code certtrack.enabled} and {@code certtrack.migrations.url/user/password}, on H2. */
@ExtendWith(OutputCaptureExtension.class)
class CertTrackSettingsTest {

    private static final String MIGRATOR_PASSWORD = "Mig-9f3c-secret";

    private final String database = "jdbc:h2:mem:settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
                    CertTrackAutoConfiguration.class, CertTrackMigrationsAutoConfiguration.class,
                    CertTrackActuatorAutoConfiguration.class, CertTrackObservationAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + database, "spring.datasource.username=sa",
                    "spring.datasource.password=");

    @Test
    void disabledTheStarterDoesNothingAtAll() {
        application.withPropertyValues("certtrack.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(Arrays.stream(context.getBeanDefinitionNames())
                    .map(name -> context.getType(name)).filter(type -> type != null)
                    .map(Class::getName).filter(type -> type.startsWith("org.certtrack")))
                    .as("certtrack's beans").isEmpty();
            EntityManagerFactory entityManagerFactory = context.getBean(EntityManagerFactory.class);
            assertThat(entityManagerFactory.getMetamodel().getEntities()).extracting(type -> type.getJavaType().getName())
                    .as("entities in the application's persistence unit").doesNotContain(Engineer.class.getName());
            assertThat(entityManagerFactory.getProperties())
                    .as("certtrack's Hibernate settings").doesNotContainKey("hibernate.default_batch_fetch_size");
            assertThat(tables(context)).as("tables").doesNotContain("ENGINEERS", "certtrack_schema_history");
        });
    }

    @Test
    void migratesAsItsOwnUserWhileTheApplicationKeepsItsOwn() throws SQLException {
        createMigrator();

        application.withPropertyValues("certtrack.migrations.user=MIGRATOR",
                "certtrack.migrations.password=" + MIGRATOR_PASSWORD).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForList(
                    "SELECT DISTINCT \"installed_by\" FROM \"certtrack_schema_history\"", String.class))
                    .as("who applied certtrack's migrations").containsExactly("MIGRATOR");
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                    "SELECT CURRENT_USER", String.class)).as("the application's own user").isEqualToIgnoringCase("sa");
        });
    }

    @Test
    void migratesThroughItsOwnUrl() throws SQLException {
        createMigrator();
        String elsewhere = "jdbc:h2:mem:settings-other-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        application.withPropertyValues("certtrack.migrations.url=" + elsewhere, "certtrack.migrations.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(CertTrackSchemaInitializer.class).result().applied())
                            .as("migrations applied to the other database").isNotEmpty();
                    assertThat(tables(context)).as("tables of the application's database").doesNotContain("ENGINEERS");
                });
    }

    @Test
    void aRejectedMigrationPasswordIsNeitherLoggedNorInTheFailure(CapturedOutput output) throws SQLException {
        createMigrator();

        application.withPropertyValues("certtrack.migrations.user=MIGRATOR",
                "certtrack.migrations.password=" + MIGRATOR_PASSWORD + "-wrong").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                messages.append(cause).append('\n');
            }
            assertThat(messages.toString()).as("the failure and its causes")
                    .contains("certTrackSchemaInitializer").doesNotContain(MIGRATOR_PASSWORD);
        });
        assertThat(output.getAll()).as("what was logged").doesNotContain(MIGRATOR_PASSWORD);
    }

    @Test
    void aLockTimeoutOutOfBoundsStopsStartUpNamingTheProperty() {
        application.withPropertyValues("certtrack.migrations.lock-timeout=0s").run(context -> {
            assertThat(context).hasFailed();
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
                messages.append(cause).append('\n');
            }
            assertThat(messages.toString()).as("the failure and its causes")
                    .contains("certtrack.migrations.lock-timeout must be between 1 ms and 1 hour, but was PT0S");
        });
    }

    @Test
    void theLockTimeoutIsBound() {
        application.withPropertyValues("certtrack.migrations.lock-timeout=3s").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CertTrackProperties.class).migrations().lockTimeout()).hasSeconds(3);
        });
    }

    @Test
    void theSettingsPrintWithoutThePassword() {
        assertThat(new CertTrackProperties.Migrations(true, "jdbc:postgresql://h/db?password=url-secret", "owner",
                MIGRATOR_PASSWORD).toString()).doesNotContain(MIGRATOR_PASSWORD, "url-secret").contains("owner");
    }

    @Test
    void theGeneratedMetadataDescribesEverySetting() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : List.of("certtrack.enabled", "certtrack.migrations.enabled", "certtrack.migrations.url",
                "certtrack.migrations.user", "certtrack.migrations.password", "certtrack.migrations.lock-timeout")) {
            int at = metadata.indexOf("\"name\": \"" + name + "\"");
            assertThat(at).as("metadata of " + name).isNotNegative();
            String entry = metadata.substring(metadata.lastIndexOf('{', at), metadata.indexOf('}', at));
            assertThat(entry).as("metadata of " + name).contains("\"description\"");
        }
    }

    private void createMigrator() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER MIGRATOR PASSWORD '" + MIGRATOR_PASSWORD + "' ADMIN");
        }
    }

    private static List<String> tables(ApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class)).queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'", String.class);
    }
}
