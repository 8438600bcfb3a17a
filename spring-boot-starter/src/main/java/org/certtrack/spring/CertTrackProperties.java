package org.certtrack.spring;

import java.time.Duration;

import org.certtrack.DatabaseUrl;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
     * @param lockTimeout The longest a migration waits for a lock on certtrack's tables on PostgreSQL
     *                 (lock_timeout on the migration's connections; between 1 ms and 1 hour). Behind another
     *                 application's open transaction a migration would otherwise wait as long as that
     *                 transaction lasts, with every other session's queries on the table queued behind it.
     *                 Then start-up fails with a TimedOutException naming lockTimeout and the sessions
     *                 holding locks, and the migration is rolled back. H2 has its own LOCK_TIMEOUT.
     */
    public record Migrations(@DefaultValue("true") boolean enabled, String url, String user, String password,
                             @DefaultValue("10s") Duration lockTimeout) {

        /** The settings, checked. */
        @ConstructorBinding
        public Migrations {
            if (lockTimeout == null) {
                lockTimeout = org.certtrack.Migrations.DEFAULT_LOCK_TIMEOUT;
            } else if (lockTimeout.toMillis() < 1 || lockTimeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("certtrack.migrations.lock-timeout must be between 1 ms and 1 hour,"
                        + " but was " + lockTimeout);
            }
        }

        /** The settings before {@code lockTimeout}, which is then 10 s ({@link org.certtrack.Migrations#DEFAULT_LOCK_TIMEOUT}). */
        public Migrations(boolean enabled, String url, String user, String password) {
            this(enabled, url, user, password, org.certtrack.Migrations.DEFAULT_LOCK_TIMEOUT);
        }

        /** Whether migrations connect otherwise than through the application's DataSource. */
        public boolean ownCredentials() {
            return url != null || user != null || password != null;
        }

        /** The settings, with the password hidden. */
        @Override
        public String toString() {
            return "Migrations[enabled=" + enabled + ", url=" + DatabaseUrl.mask(url) + ", user=" + user
                    + ", password=" + (password == null ? null : "****") + ", lockTimeout=" + lockTimeout + "]";
        }
    }
}
