package org.certtrack.spring;

import org.certtrack.DatabaseUrl;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code certtrack.*} settings of a Spring Boot application.
 *
 * @param enabled    Whether the starter configures anything at all. false: no migrations, entities,
 *                   repositories, settings, health indicator or observations of certtrack's; the application
 *                   starts as it would without the starter. A condition: an AOT-processed application fixes it
 *                   at build time.
 * @param migrations how certtrack's schema is migrated
 * @param jpa        what certtrack may change in the application's persistence unit
 */
@ConfigurationProperties("certtrack")
public record CertTrackProperties(@DefaultValue("true") boolean enabled, @DefaultValue Migrations migrations,
                                  @DefaultValue Jpa jpa) {

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
     * @param enabled  Whether certtrack migrates its tables at start-up, before the EntityManagerFactory
     *                 starts (its own Flyway, scripts and history table, beside any of the application's),
     *                 then checks that the schema matches what the migrations made. Turn it off when someone
     *                 else (a DBA, a separate job) migrates the schema: certtrack then neither migrates nor
     *                 checks it, and the application's own migrations that refer to certtrack's tables need
     *                 them to be there already. Read when the application starts, so an AOT-processed
     *                 application honours it too.
     * @param url      JDBC URL of the database to migrate, when certtrack's migrations must connect elsewhere
     *                 or otherwise than the application's DataSource; unset: the application's URL
     *                 (spring.datasource.url). Its password, if it holds one, is masked in every log line
     *                 and message.
     * @param user     Login user to migrate as (for example the schema owner, when the application's user may
     *                 only read and write rows); unset: the application's user (spring.datasource.username).
     * @param password Login password of the user to migrate as; unset: the application's password. Never
     *                 logged nor shown in a message.
     */
    public record Migrations(@DefaultValue("true") boolean enabled, String url, String user, String password) {

        /** Whether migrations connect otherwise than through the application's DataSource. */
        public boolean ownCredentials() {
            return url != null || user != null || password != null;
        }

        /** The settings, with the password hidden. */
        @Override
        public String toString() {
            return "Migrations[enabled=" + enabled + ", url=" + DatabaseUrl.mask(url) + ", user=" + user
                    + ", password=" + (password == null ? null : "****") + "]";
        }
    }
}
