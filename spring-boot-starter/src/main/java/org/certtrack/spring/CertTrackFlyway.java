package org.certtrack.spring;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUrl;
import org.certtrack.Migrations;
import org.flywaydb.core.Flyway;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * A {@link Flyway} configured as certtrack's own (its scripts, its history table), for reading what was
 * migrated: Actuator's {@code /actuator/flyway} lists it beside the application's Flyway. It never migrates.
 */
final class CertTrackFlyway {

    private CertTrackFlyway() {
    }

    /**
     * certtrack's Flyway over {@code dataSource}; {@code jdbcUrl} (may be null) names the database without
     * connecting, else one connection asks it.
     */
    static Flyway over(DataSource dataSource, String jdbcUrl) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(Migrations.LOCATION, Migrations.VENDOR_LOCATION + vendor(dataSource, jdbcUrl))
                .table(Migrations.HISTORY_TABLE)
                .load();
    }

    private static String vendor(DataSource dataSource, String jdbcUrl) {
        DatabaseDriver driver = jdbcUrl == null ? DatabaseDriver.UNKNOWN : DatabaseDriver.fromJdbcUrl(jdbcUrl);
        if (driver == DatabaseDriver.UNKNOWN) {
            try {
                driver = DatabaseDriver.fromProductName(JdbcUtils.extractDatabaseMetaData(dataSource,
                        metaData -> metaData.getDatabaseProductName()));
            } catch (MetaDataAccessException e) {
                throw new CertTrackException("Could not connect to read certtrack's migrations: "
                        + DatabaseUrl.mask(e.getMessage()), e);
            }
        }
        return switch (driver) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgresql";
            default -> throw new CertTrackException("certtrack's migrations support H2 and PostgreSQL, but the database is "
                    + driver);
        };
    }
}
