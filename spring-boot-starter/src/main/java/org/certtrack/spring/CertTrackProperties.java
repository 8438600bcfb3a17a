package org.certtrack.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code certtrack.*} settings of a Spring Boot application.
 *
 * @param migrations how certtrack's schema is migrated
 */
@ConfigurationProperties("certtrack")
public record CertTrackProperties(@DefaultValue Migrations migrations) {

    /**
     * How certtrack's schema is migrated.
     *
     * @param enabled Whether certtrack migrates its tables at start-up, before the EntityManagerFactory
     *                starts (its own Flyway, scripts and history table, beside any of the application's).
     *                Turn it off when someone else (a DBA, a separate job) migrates the schema.
     */
    public record Migrations(@DefaultValue("true") boolean enabled) {
    }
}
