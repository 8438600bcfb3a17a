package org.certtrack.spring;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * An observation of each call of certtrack's repositories ({@link RepositoryObservations}), when the
 * application has Micrometer's {@link ObservationRegistry} (Spring Boot's, from
 * {@code spring-boot-starter-actuator} or {@code spring-boot-micrometer-observation}). Without that bean the
 * repositories stay unwrapped.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "certtrack.enabled", matchIfMissing = true)
public final class CertTrackObservationAutoConfiguration {

    @Bean
    RepositoryObservations certTrackRepositoryObservations(ObjectProvider<ObservationRegistry> registry) {
        return new RepositoryObservations(registry::getObject);
    }
}
