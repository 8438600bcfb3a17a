package org.certtrack.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.CertificateRepository;
import org.certtrack.InstructorRepository;
import org.certtrack.Migrations;
import org.certtrack.PoolExhaustedException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** When the starter configures what, decided by Boot's conditions, on H2. */
class CertTrackAutoConfigurationTest {

    private final String database = "jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
                    CertTrackAutoConfiguration.class, CertTrackMigrationsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + database);

    private final ApplicationContextRunner withApplicationFlyway = application
            .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class));

    @Test
    void withoutDataSourceConfiguresNothing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class, CertTrackAutoConfiguration.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(EngineerRepository.class)
                        .doesNotHaveBean(CertTrackSchemaInitializer.class));
    }

    @Test
    void withDataSourceMigratesAndRegistersRepositoriesThatWork() {
        application.run(context -> {
            assertThat(context).hasSingleBean(EngineerRepository.class)
                    .hasSingleBean(CertificateRepository.class)
                    .hasSingleBean(InstructorRepository.class)
                    .getBean(PlatformTransactionManager.class).as("the application's transaction manager, Boot's")
                    .isExactlyInstanceOf(JpaTransactionManager.class);
            assertThat(Migrations.of(context.getBean(DataSource.class)).currentVersion())
                    .as("certtrack's schema version after start-up").isPresent();

            EngineerRepository engineers = context.getBean(EngineerRepository.class);
            TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            Long id = transaction.execute(status -> engineers.add(new Engineer("Ada Lovelace", "backend", 36)).getId());
            String name = transaction.execute(status -> engineers.getById(id).getName());
            assertThat(name)
                    .as("the engineer written in one transaction, read in another").isEqualTo("Ada Lovelace");
        });
    }

    @Test
    void aRepositoryThatFindsEveryPooledConnectionBusyIsToldThePoolIsExhaustedInBootsProperties() {
        application.withPropertyValues("spring.datasource.hikari.maximum-pool-size=2",
                "spring.datasource.hikari.connection-timeout=1000").run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            EngineerRepository engineers = context.getBean(EngineerRepository.class);
            try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
                assertThat(List.of(first, second)).as("both pooled connections, held by this test").doesNotContainNull();
                assertThatThrownBy(engineers::count).as("a repository call outside any transaction")
                        .isInstanceOf(PoolExhaustedException.class)
                        .hasMessageContaining("All 2 connections of the pool (spring.datasource.hikari.maximum-pool-size=2)")
                        .hasMessageContaining("spring.datasource.hikari.connection-timeout=1000")
                        .hasMessageContaining("the database is up")
                        .hasMessageNotContaining("maximumPoolSize");
                assertThatThrownBy(() -> transaction.execute(status -> engineers.add(new Engineer("Ada", "backend", 36))))
                        .as("a Spring transaction that cannot begin: the application's, before certtrack is called")
                        .isInstanceOf(CannotCreateTransactionException.class);
            }
            Long count = transaction.execute(status -> engineers.count());
            assertThat(count).as("engineers once the connections are back").isZero();
        });
    }

    @Test
    void migrationsDisabledLeavesTheSchemaAlone() {
        application.withPropertyValues("certtrack.migrations.enabled=false").run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(EngineerRepository.class);
            assertThat(context.getBean(CertTrackSchemaInitializer.class).result())
                    .as("what migrating did: nothing, decided when the application started (an AOT-processed one too)").isNull();
            assertThat(Migrations.of(context.getBean(DataSource.class)).currentVersion())
                    .as("certtrack's schema version when someone else migrates").isEmpty();
            assertThat(tables(context))
                    .as("tables Hibernate must not have generated").doesNotContain("ENGINEERS");
        });
    }

    @Test
    void noHibernateSettingOfCertTracksReachesTheApplicationsPersistenceUnitUnlessAskedFor() {
        application.run(context -> {
            var properties = context.getBean(EntityManagerFactory.class).getProperties();
            assertThat(properties).as("the application's persistence unit")
                    .doesNotContainKeys("hibernate.jdbc.batch_size", "hibernate.order_inserts", "hibernate.order_updates",
                            "hibernate.default_batch_fetch_size", "hibernate.query.startup_check",
                            "hibernate.query.fail_on_pagination_over_collection_fetch",
                            "hibernate.query.mutation_strategy.global_temporary.create_tables");
        });
        application.withPropertyValues("certtrack.jpa.batch-writes=true",
                "spring.jpa.properties.hibernate.jdbc.batch_size=10").run(context -> {
            var properties = context.getBean(EntityManagerFactory.class).getProperties();
            assertThat(properties.get("hibernate.jdbc.batch_size")).as("the application's own batch size").isEqualTo("10");
            assertThat(properties.get("hibernate.order_inserts")).as("certtrack's order_inserts, asked for").isEqualTo(true);
            assertThat(properties.get("hibernate.order_updates")).as("certtrack's order_updates, asked for").isEqualTo(true);
        });
    }

    @Test
    void theApplicationsOwnFlywayMigratesAfterCertTrack() {
        withApplicationFlyway.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(tables(context))
                    .as("tables of both: notes refers to engineers")
                    .contains("ENGINEERS", "NOTES", "certtrack_schema_history", "flyway_schema_history");
        });
    }

    @Test
    void anApplicationThatMigratedBeforeAddingCertTrackKeepsItsHistory() {
        ApplicationContextRunner withoutCertTrack = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + database, "spring.flyway.locations=classpath:db/standalone");
        withoutCertTrack.run(context -> assertThat(tables(context)).contains("MEMOS")
                .doesNotContain("ENGINEERS"));

        withApplicationFlyway.withPropertyValues("spring.flyway.locations=classpath:db/standalone").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(tables(context)).contains("MEMOS", "ENGINEERS");
            assertThat(context.getBean(CertTrackSchemaInitializer.class).result().applied())
                    .as("certtrack's migrations applied beside the application's").isNotEmpty();
        });
    }

    @Test
    void anApplicationThatAddsFlywayAfterCertTrackStillGetsItsVersionOne() {
        application.run(context -> assertThat(tables(context))
                .contains("ENGINEERS").doesNotContain("MEMOS"));

        withApplicationFlyway.withPropertyValues("spring.flyway.locations=classpath:db/standalone").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(tables(context))
                    .as("the application's V1 on a schema that already held certtrack's tables").contains("MEMOS");
        });
    }

    @Test
    void anApplicationsOwnBaselineIsKept() {
        withApplicationFlyway.withPropertyValues("spring.flyway.baseline-on-migrate=true",
                "spring.flyway.baseline-version=1").run(context -> assertThat(
                context.getBean(Flyway.class).getConfiguration().getBaselineVersion().getVersion())
                .as("the application's baseline version").isEqualTo("1"));
    }

    @Test
    void anApplicationsExplicitRefusalToBaselineIsKept() {
        withApplicationFlyway.withPropertyValues("spring.flyway.baseline-on-migrate=false",
                "spring.flyway.locations=classpath:db/standalone").run(context -> assertThat(context)
                .as("the application's Flyway, told not to baseline, on a schema that holds certtrack's tables")
                .getFailure().hasRootCauseExactlyInstanceOf(FlywayException.class));
    }

    @Test
    void theApplicationsOwnBeansWin() {
        application.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasSingleBean(EngineerRepository.class);
            assertThat(context.getBeanNamesForType(EngineerRepository.class)).containsExactly("ownEngineers");
            assertThat(context.getBean(PlatformTransactionManager.class)).isNotInstanceOf(CertTrackTransactionManager.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        @Bean
        EngineerRepository ownEngineers(EntityManagerFactory entityManagerFactory) {
            return EngineerRepository.using(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
        }

        @Bean
        PlatformTransactionManager ownTransactionManager(EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }
    }

    private static List<String> tables(ApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class)).queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'", String.class);
    }
}
