package org.certtrack.spring;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.actuate.endpoint.FlywayEndpoint;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * certtrack in Actuator, when the application has it:
 * <ul>
 *   <li>certtrack's migrations in {@code /actuator/flyway}, as a {@link Flyway} bean named
 *       {@code certTrackFlyway} that only reports (certtrack migrates with its own). It is no autowire
 *       candidate: the application's own Flyway auto-configuration, which backs off when it finds a
 *       {@code Flyway} bean, and every injection point of a {@code Flyway} never see it;</li>
 *   <li>a {@code certtrack} health indicator ({@link CertTrackHealthIndicator}): schema version and the
 *       schema check; {@code management.health.certtrack.enabled=false} turns it off.</li>
 * </ul>
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, CertTrackMigrationsAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "certtrack.enabled", matchIfMissing = true)
public final class CertTrackActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({FlywayEndpoint.class, Endpoint.class})
    static class FlywayEndpointConfiguration {

        @Bean(defaultCandidate = false)
        Flyway certTrackFlyway(DataSource dataSource, ObjectProvider<JdbcConnectionDetails> connectionDetails) {
            JdbcConnectionDetails details = connectionDetails.getIfAvailable();
            return CertTrackFlyway.over(dataSource, details == null ? null : details.getJdbcUrl());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {

        @Bean
        @ConditionalOnEnabledHealthIndicator("certtrack")
        @ConditionalOnMissingBean(name = "certtrackHealthIndicator")
        CertTrackHealthIndicator certtrackHealthIndicator(DataSource dataSource) {
            return new CertTrackHealthIndicator(dataSource);
        }
    }
}
