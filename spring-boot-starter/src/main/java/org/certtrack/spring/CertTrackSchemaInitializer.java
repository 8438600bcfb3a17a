package org.certtrack.spring;

import static java.util.Objects.requireNonNull;

import javax.sql.DataSource;

import org.certtrack.Migrations;
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
    private Migrations.MigrationResult result;

    /** An initializer for this data source; it migrates when the context initializes the bean. */
    public CertTrackSchemaInitializer(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void afterPropertiesSet() {
        result = Integration.migrateAndCheck(dataSource, "the application's DataSource");
    }

    /** What migrating at start-up did. */
    public Migrations.MigrationResult result() {
        return result;
    }
}
