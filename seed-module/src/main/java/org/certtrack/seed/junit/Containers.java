package org.certtrack.seed.junit;

import org.certtrack.DatabaseUrl;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL container, started once per JVM and shared by every test class (each works in its own
 * schema); Testcontainers stops it when the JVM exits. A class of its own so that Testcontainers, an
 * optional dependency, loads only when it is needed.
 */
final class Containers {

    /** The image, matching the PostgreSQL version certtrack supports in production. */
    static final String IMAGE = "postgres:15-alpine";

    private static PostgreSQLContainer container;

    private Containers() {
    }

    /** Whether Testcontainers finds a Docker engine. */
    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** The shared container's database, starting it first if need be; null when Docker is not available. */
    static synchronized DatabaseUrl postgres() {
        if (container == null) {
            if (!dockerAvailable()) {
                return null;
            }
            PostgreSQLContainer started = new PostgreSQLContainer(IMAGE);
            started.start();
            container = started;
        }
        return DatabaseUrl.of(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
