package org.certtrack.spring;

import static java.util.Objects.requireNonNull;

import javax.sql.DataSource;

import org.certtrack.CertTrackException;
import org.certtrack.Migrations;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * certtrack's schema in {@code /actuator/health} (as {@code certtrack}): UP with the version it is at and
 * {@code schema: "matches its migrations"} when the applied migrations match the scripts, none is pending
 * and the tables are as the migrations made them ({@link Migrations#validate()},
 * {@link Migrations#verifySchema()}); DOWN with each difference otherwise. It reads the schema with the
 * application's {@code DataSource} at each call (a few metadata queries); Boot's
 * {@code management.endpoint.health.cache.time-to-live} bounds how often.
 */
public class CertTrackHealthIndicator extends AbstractHealthIndicator {

    private final DataSource dataSource;

    /** An indicator of the schema {@code dataSource} connects to. */
    public CertTrackHealthIndicator(DataSource dataSource) {
        super("certtrack's schema could not be checked");
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Migrations migrations = Migrations.of(dataSource);
        String version = migrations.currentVersion().orElse("none");
        health.withDetail("version", version);
        try {
            migrations.validate();
            migrations.verifySchema();
            health.up().withDetail("schema", "matches its migrations");
        } catch (CertTrackException e) {
            health.down().withDetail("schema", e.getMessage());
        }
    }
}
