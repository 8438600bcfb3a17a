package org.certtrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.UnknownIdException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.actuate.endpoint.FlywayEndpoint;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** certtrack in Actuator's Flyway endpoint and health, and Micrometer observations of its repositories, on H2. */
class CertTrackActuatorTest {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
                    FlywayAutoConfiguration.class,
                    CertTrackAutoConfiguration.class, CertTrackMigrationsAutoConfiguration.class,
                    CertTrackActuatorAutoConfiguration.class, CertTrackObservationAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:actuator-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    @Test
    void theFlywayEndpointListsCertTracksMigrationsBesideTheApplicationsWhichStillMigrates() {
        application.withUserConfiguration(InjectingFlyways.class).run(context -> {
            assertThat(context).hasNotFailed();
            Map<String, FlywayEndpoint.FlywayDescriptor> flyways = new FlywayEndpoint(context).flywayBeans()
                    .getContexts().values().iterator().next().getFlywayBeans();

            assertThat(flyways).as("Flyway beans in /actuator/flyway").containsOnlyKeys("flyway", "certTrackFlyway");
            assertThat(flyways.get("certTrackFlyway").getMigrations())
                    .as("certtrack's migrations").hasSize(8)
                    .allSatisfy(migration -> assertThat(migration.getState().isApplied()).isTrue())
                    .extracting(FlywayEndpoint.FlywayMigrationDescriptor::getVersion).contains("1", "8");
            assertThat(flyways.get("flyway").getMigrations())
                    .extracting(FlywayEndpoint.FlywayMigrationDescriptor::getScript).contains("V1__create_notes.sql");
            assertThat(context.getBean(Flyway.class).getConfiguration().getTable())
                    .as("the Flyway an application injects: its own").isEqualTo("flyway_schema_history");
            assertThat(context.getBean(InjectingFlyways.class).flyways.stream())
                    .as("the Flyways an injected ObjectProvider offers (Boot's schema-management provider takes them so)")
                    .extracting(flyway -> flyway.getConfiguration().getTable()).containsExactly("flyway_schema_history");
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                    "SELECT count(*) FROM notes", Integer.class)).as("rows of the application's own migrated table").isZero();
        });
    }

    @Test
    void healthReportsTheSchemaVersionAndDownWhenTheSchemaNoLongerMatches() {
        application.run(context -> {
            HealthIndicator indicator = context.getBean("certtrackHealthIndicator", HealthIndicator.class);
            Health healthy = indicator.health();
            assertThat(healthy.getStatus()).isEqualTo(Status.UP);
            assertThat(healthy.getDetails()).containsEntry("version", "8").containsEntry("schema", "matches its migrations");

            new JdbcTemplate(context.getBean(DataSource.class)).execute("DROP INDEX ix_engineers_specialty_name_id");
            Health broken = indicator.health();
            assertThat(broken.getStatus()).isEqualTo(Status.DOWN);
            assertThat(broken.getDetails()).containsEntry("version", "8");
            assertThat(broken.getDetails().get("schema").toString()).contains("ix_engineers_specialty_name_id");
        });
    }

    @Test
    void healthIndicatorCanBeTurnedOff() {
        application.withPropertyValues("management.health.certtrack.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("certtrackHealthIndicator"));
    }

    @Test
    void eachRepositoryCallIsAnObservationWhenTheApplicationHasARegistry() {
        application.withUserConfiguration(Observing.class).run(context -> {
            List<Observation.Context> observed = context.getBean(Observing.class).stopped;
            EngineerRepository engineers = context.getBean(EngineerRepository.class);
            TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            transaction.executeWithoutResult(status -> engineers.add(new Engineer("Ada Lovelace", "backend", 36)));
            transaction.executeWithoutResult(status -> {
                try {
                    engineers.getById(-1);
                } catch (UnknownIdException expected) {
                    // recorded as the observation's error
                }
            });

            assertThat(observed).extracting(Observation.Context::getName).containsOnly(RepositoryObservations.NAME);
            assertThat(observed).extracting(c -> c.getLowCardinalityKeyValue("method").getValue())
                    .containsExactly("add", "getById");
            assertThat(observed).extracting(c -> c.getLowCardinalityKeyValue("repository").getValue())
                    .containsOnly("EngineerRepository");
            assertThat(observed.get(0).getContextualName()).isEqualTo("EngineerRepository.add");
            assertThat(observed.get(1).getError()).as("the failed call's error").isInstanceOf(UnknownIdException.class);
        });
    }

    @Test
    void withoutARegistryRepositoriesAreNotWrapped() {
        application.run(context -> assertThat(context).doesNotHaveBean(RepositoryObservations.class));
    }

    @Test
    void withoutActuatorNorMicrometerTheRestWorks() {
        application.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.",
                        "org.springframework.boot.health.", "org.springframework.boot.flyway.actuate.", "io.micrometer."))
                .run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(EngineerRepository.class)
                        .doesNotHaveBean("certTrackFlyway")
                        .doesNotHaveBean("certtrackHealthIndicator")
                        .doesNotHaveBean(RepositoryObservations.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class InjectingFlyways {

        final ObjectProvider<Flyway> flyways;

        InjectingFlyways(ObjectProvider<Flyway> flyways) {
            this.flyways = flyways;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Observing {

        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        @Bean
        ObservationRegistry observationRegistry() {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationHandler<>() {
                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }

                @Override
                public void onStop(Observation.Context context) {
                    stopped.add(context);
                }
            });
            return registry;
        }
    }
}
