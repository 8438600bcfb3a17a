package org.certtrack.spring;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import javax.sql.DataSource;

import org.certtrack.CertificateRepository;
import org.certtrack.EngineerRepository;
import org.certtrack.InstructorRepository;
import org.certtrack.internal.Bootstrap;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.TransactionManager;

/**
 * certtrack in a Spring Boot application with a {@link DataSource} (the application's, or Boot's embedded
 * one). At start-up it:
 * <ol>
 *   <li>migrates certtrack's tables before the {@code EntityManagerFactory} and the application's own
 *       Flyway start ({@link CertTrackMigrationsAutoConfiguration}), unless
 *       {@code certtrack.migrations.enabled=false};</li>
 *   <li>adds certtrack's entities to the application's persistence unit, beside the application's own
 *       (its entity scan keeps working), and certtrack's Hibernate settings, unless the application sets
 *       its own value for the same key;</li>
 *   <li>tells Hibernate the schema is managed (so Boot's embedded-database default, {@code create-drop},
 *       never replaces migrated tables) and lets the application's own Flyway start on a schema that
 *       already holds certtrack's tables;</li>
 *   <li>gives the application's HikariCP pool on PostgreSQL a {@code socketTimeout} of 120 s when it sets
 *       none, so that a silent server cannot hold a transaction forever;</li>
 *   <li>registers {@link EngineerRepository}, {@link CertificateRepository} and {@link InstructorRepository}
 *       over Spring's shared {@code EntityManager}, and a {@link CertTrackTransactionManager}, so that
 *       {@code @Transactional} methods see certtrack's exceptions.</li>
 * </ol>
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({LocalContainerEntityManagerFactoryBean.class, EntityManager.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "certtrack.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CertTrackProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class CertTrackAutoConfiguration {

    @Bean
    EntityManagerFactoryBuilderCustomizer certTrackEntities() {
        return builder -> builder.addPersistenceUnitPostProcessors(unit -> {
            for (Class<?> entity : Bootstrap.ENTITY_CLASSES) {
                if (!unit.getManagedClassNames().contains(entity.getName())) {
                    unit.addManagedClassName(entity.getName());
                }
            }
        });
    }

    @Bean
    HibernatePropertiesCustomizer certTrackHibernateSettings() {
        return properties -> Bootstrap.HIBERNATE_SETTINGS.forEach(properties::putIfAbsent);
    }

    /** The schema is migrated (by certtrack, or by whoever runs its migrations): Hibernate must not generate it. */
    @Bean
    SchemaManagementProvider certTrackSchemaManagement(DataSource certTracks) {
        return dataSource -> dataSource == certTracks ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
    }

    /** A bound on every wait for the server's answer, on the application's pool too (see {@link SocketTimeoutDefault}). */
    @Bean
    static SocketTimeoutDefault certTrackSocketTimeoutDefault() {
        return new SocketTimeoutDefault();
    }

    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    CertTrackTransactionManager transactionManager(ObjectProvider<TransactionManagerCustomizers> customizers) {
        CertTrackTransactionManager transactionManager = new CertTrackTransactionManager();
        customizers.ifAvailable(all -> all.customize(transactionManager));
        return transactionManager;
    }

    @Bean
    @ConditionalOnMissingBean
    EngineerRepository engineerRepository(EntityManagerFactory entityManagerFactory) {
        return EngineerRepository.using(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
    }

    @Bean
    @ConditionalOnMissingBean
    CertificateRepository certificateRepository(EntityManagerFactory entityManagerFactory) {
        return CertificateRepository.using(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
    }

    @Bean
    @ConditionalOnMissingBean
    InstructorRepository instructorRepository(EntityManagerFactory entityManagerFactory) {
        return InstructorRepository.using(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
    }

    /**
     * The application's own Flyway, when it has one: certtrack migrated first, so Flyway finds a schema
     * that is not empty but has no history of the application's. Unless the application chose a baseline
     * itself, it baselines at version 0, so that the application's version 1 still applies.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
    static class ApplicationFlywayConfiguration {

        @Bean
        FlywayConfigurationCustomizer certTrackBesideApplicationMigrations() {
            return configuration -> {
                if (!configuration.isBaselineOnMigrate()) {
                    configuration.baselineOnMigrate(true).baselineVersion("0");
                }
            };
        }
    }
}
