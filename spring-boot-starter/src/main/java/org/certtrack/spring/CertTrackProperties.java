package org.certtrack.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code certtrack.*} settings of a Spring Boot application.
 *
 * @param migrations how certtrack's schema is migrated
 * @param jpa        what certtrack may change in the application's persistence unit
 */
@ConfigurationProperties("certtrack")
public record CertTrackProperties(@DefaultValue Migrations migrations, @DefaultValue Jpa jpa) {

    /**
     * What certtrack may change in the application's persistence unit, which it shares.
     *
     * @param batchWrites Whether Hibernate writes in batches: hibernate.jdbc.batch_size=50,
     *                    hibernate.order_inserts and hibernate.order_updates, where the application sets no
     *                    value of its own. They apply to every entity of the persistence unit, the
     *                    application's too, so they are off unless asked for; certtrack's own bootstrap
     *                    (CertTrack, outside Spring) always uses them.
     */
    public record Jpa(@DefaultValue("false") boolean batchWrites) {
    }

    /**
     * How certtrack's schema is migrated.
     *
     * @param enabled Whether certtrack migrates its tables at start-up, before the EntityManagerFactory
     *                starts (its own Flyway, scripts and history table, beside any of the application's),
     *                then checks that the schema matches what the migrations made. Turn it off when someone
     *                else (a DBA, a separate job) migrates the schema: certtrack then neither migrates nor
     *                checks it, and the application's own migrations that refer to certtrack's tables need
     *                them to be there already.
     */
    public record Migrations(@DefaultValue("true") boolean enabled) {
    }
}
