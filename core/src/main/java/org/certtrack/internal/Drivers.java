package org.certtrack.internal;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUrl;

/**
 * Checks that a JDBC driver for a URL is on the classpath before certtrack opens a pool. The drivers are
 * optional dependencies of certtrack-core (an application adds the one it uses), so a missing one is a
 * build mistake, and the message says which artifact to add.
 */
public final class Drivers {

    private Drivers() {
    }

    /**
     * Returns normally if {@link DriverManager} has a driver that accepts {@code jdbcUrl}.
     *
     * @throws CertTrackException naming the URL (password masked) and the Maven artifact to add, if none does
     */
    public static void require(String jdbcUrl) {
        try {
            DriverManager.getDriver(jdbcUrl);
        } catch (SQLException noDriver) {
            throw missing(jdbcUrl, noDriver);
        }
    }

    /** The exception for a URL that no driver on the classpath accepts. */
    static CertTrackException missing(String jdbcUrl, SQLException cause) {
        return new CertTrackException("No JDBC driver for " + DatabaseUrl.mask(jdbcUrl) + " on the classpath: add "
                + artifactFor(jdbcUrl), cause);
    }

    private static String artifactFor(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return "com.h2database:h2 (certtrack-dependencies or your platform, such as Spring Boot, manages its version)";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql:postgresql (certtrack-dependencies or your platform, such as Spring Boot, manages its version)";
        }
        int end = url.indexOf(':', "jdbc:".length());
        String subprotocol = url.startsWith("jdbc:") && end > 0 ? url.substring("jdbc:".length(), end) : url;
        return "the JDBC driver for " + subprotocol + " (certtrack is tested on H2 and PostgreSQL only)";
    }
}
