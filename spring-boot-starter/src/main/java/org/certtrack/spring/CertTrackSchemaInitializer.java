package org.certtrack.spring;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import javax.sql.DataSource;

import org.certtrack.Migrations;
import org.certtrack.TimedOutException;
import org.certtrack.spi.Integration;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates certtrack's tables when the application context starts, with certtrack's own Flyway, scripts
 * and history table ({@value Migrations#HISTORY_TABLE}). Spring Boot starts it before anything that needs
 * the database initialized (the {@code EntityManagerFactory}, the application's own Flyway), so an
 * application's migrations may refer to certtrack's tables.
 */
public class CertTrackSchemaInitializer implements InitializingBean {

    private final DataSource dataSource;
    private final String where;
    private final boolean enabled;
    private final Duration lockTimeout;
    private Migrations.MigrationResult result;

    /** An initializer for this data source; it migrates when the context initializes the bean. */
    public CertTrackSchemaInitializer(DataSource dataSource) {
        this(dataSource, "the application's DataSource", true);
    }

    /**
     * An initializer that migrates through {@code dataSource} when {@code enabled}, and does nothing otherwise.
     *
     * @param where the database, for the log line; never a password
     */
    public CertTrackSchemaInitializer(DataSource dataSource, String where, boolean enabled) {
        this(dataSource, where, enabled, Migrations.DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * As {@link #CertTrackSchemaInitializer(DataSource, String, boolean)}, each migration waiting at most
     * {@code lockTimeout} for a lock on certtrack's tables ({@code certtrack.migrations.lock-timeout}).
     */
    public CertTrackSchemaInitializer(DataSource dataSource, String where, boolean enabled, Duration lockTimeout) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.where = requireNonNull(where, "where");
        this.enabled = enabled;
        this.lockTimeout = requireNonNull(lockTimeout, "lockTimeout");
    }

    @Override
    public void afterPropertiesSet() {
        if (enabled) {
            try {
                result = Integration.migrateAndCheck(dataSource, where, lockTimeout);
            } catch (TimedOutException e) {
                if (!"lockTimeout".equals(e.limit())) {
                    throw e;
                }
                // Say it as the application sets it.
                throw new TimedOutException(e.limit(), e.timeout(), e.getMessage() + " (certtrack.migrations.lock-timeout="
                        + lockTimeout.toMillis() + "ms)", e);
            }
        }
    }

    /** What migrating at start-up did; null when migrating was turned off ({@code certtrack.migrations.enabled=false}). */
    public Migrations.MigrationResult result() {
        return result;
    }
}
