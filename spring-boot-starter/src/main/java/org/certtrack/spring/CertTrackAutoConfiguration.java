package org.certtrack.spring;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import javax.sql.DataSource;

import org.certtrack.CertificateRepository;
import org.certtrack.EngineerRepository;
import org.certtrack.InstructorRepository;
import org.certtrack.spi.Integration;
import org.certtrack.spring.internal.CertTrackSchemaFilter;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.SchemaToolingSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * certtrack in a Spring Boot application with a {@link DataSource} (the application's, or Boot's embedded
 * one), as a guest: it touches only what is certtrack's. At start-up it:
 * <ol>
 *   <li>migrates certtrack's tables before the {@code EntityManagerFactory} and the application's own
 *       Flyway start ({@link CertTrackMigrationsAutoConfiguration}), unless
 *       {@code certtrack.migrations.enabled=false};</li>
 *   <li>adds certtrack's entities to the application's persistence unit, beside the application's own
 *       (its entity scan keeps working); their batch fetching is declared on the entities themselves, and
 *       Hibernate's schema generation leaves their tables alone ({@link CertTrackSchemaFilter});</li>
 *   <li>lets the application's own Flyway start on a schema that already holds certtrack's tables, unless the
 *       application set {@code spring.flyway.baseline-on-migrate} itself;</li>
 *   <li>registers {@link EngineerRepository}, {@link CertificateRepository} and {@link InstructorRepository}
 *       over Spring's shared {@code EntityManager}, which throw certtrack's exceptions, also when the
 *       {@code @Transactional} method that used them fails at its commit ({@link CertTrackUnits}).</li>
 * </ol>
 * The application's transaction manager, pools and Hibernate settings stay its own; batched writes
 * ({@code certtrack.jpa.batch-writes=true}) and {@link CertTrackTransactionManager} are there for those who ask.
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({LocalContainerEntityManagerFactoryBean.class, EntityManager.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "certtrack.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CertTrackProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class CertTrackAutoConfiguration {

    /** The Spring property that tells Flyway whether to baseline a non-empty schema. */
    static final String BASELINE_ON_MIGRATE = "spring.flyway.baseline-on-migrate";

    @Bean
    EntityManagerFactoryBuilderCustomizer certTrackEntities() {
        return builder -> builder.addPersistenceUnitPostProcessors(unit -> {
            for (Class<?> entity : Integration.entityClasses()) {
                if (!unit.getManagedClassNames().contains(entity.getName())) {
                    unit.addManagedClassName(entity.getName());
                }
            }
        });
    }

    /**
     * Hibernate's schema generation, whatever the application chose for its own tables, never creates, drops
     * or updates certtrack's: only the migrations do. Batched writes only when asked for.
     */
    @Bean
    HibernatePropertiesCustomizer certTrackHibernateSettings(CertTrackProperties properties) {
        return settings -> {
            settings.putIfAbsent(SchemaToolingSettings.HBM2DDL_FILTER_PROVIDER, CertTrackSchemaFilter.class.getName());
            if (properties.jpa().batchWrites()) {
                Integration.batchWriteSettings().forEach(settings::putIfAbsent);
            }
        };
    }

    @Bean
    CertTrackUnits certTrackUnits(EntityManagerFactory entityManagerFactory, DataSource dataSource) {
        return new CertTrackUnits(entityManagerFactory, dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    EngineerRepository engineerRepository(CertTrackUnits units, ObjectProvider<RepositoryWrapper> wrapper) {
        return wrapped(EngineerRepository.class, units.repository(EngineerRepository.class), wrapper);
    }

    @Bean
    @ConditionalOnMissingBean
    CertificateRepository certificateRepository(CertTrackUnits units, ObjectProvider<RepositoryWrapper> wrapper) {
        return wrapped(CertificateRepository.class, units.repository(CertificateRepository.class), wrapper);
    }

    @Bean
    @ConditionalOnMissingBean
    InstructorRepository instructorRepository(CertTrackUnits units, ObjectProvider<RepositoryWrapper> wrapper) {
        return wrapped(InstructorRepository.class, units.repository(InstructorRepository.class), wrapper);
    }

    /** {@code repository}, observed when {@link CertTrackObservationAutoConfiguration} applies. */
    private static <R> R wrapped(Class<R> type, R repository, ObjectProvider<RepositoryWrapper> wrapper) {
        RepositoryWrapper around = wrapper.getIfAvailable();
        return around == null ? repository : around.wrap(type, repository);
    }

    /**
     * The application's own Flyway, when it has one: certtrack migrated first, so Flyway finds a schema
     * that is not empty but has no history of the application's. Unless the application set
     * {@value #BASELINE_ON_MIGRATE} itself (to either value), it baselines at version 0, so that the
     * application's version 1 still applies. An explicit {@code false} is kept: Flyway then refuses the
     * non-empty schema at start-up, as it would any other.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
    static class ApplicationFlywayConfiguration {

        @Bean
        FlywayConfigurationCustomizer certTrackBesideApplicationMigrations(Environment environment) {
            boolean chosenByApplication = Binder.get(environment).bind(BASELINE_ON_MIGRATE, Boolean.class).isBound();
            return configuration -> {
                if (!chosenByApplication && !configuration.isBaselineOnMigrate()) {
                    configuration.baselineOnMigrate(true).baselineVersion("0");
                }
            };
        }
    }
}
