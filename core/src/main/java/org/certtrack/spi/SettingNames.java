package org.certtrack.spi;

import static java.util.Objects.requireNonNull;

import org.certtrack.internal.Timeouts;

/**
 * The names under which a host configures the limits that certtrack's exceptions name (the pool's size, the
 * wait for a connection, the wait for the server's answer, the query timeout), so that a message says
 * {@code spring.datasource.hikari.maximum-pool-size=4} where the user set that property, not certtrack's
 * builder method. See the package's stability note.
 */
public final class SettingNames {

    private final Timeouts.SettingNames names;

    private SettingNames(Timeouts.SettingNames names) {
        this.names = names;
    }

    /**
     * Limits set as properties, which messages show as {@code name=value} (milliseconds, or seconds for the
     * socket timeout, as the properties take them).
     */
    public static SettingNames properties(String poolSize, String connectionTimeout, String socketTimeout, String queryTimeout) {
        return new SettingNames(new Timeouts.SettingNames(requireNonNull(poolSize, "poolSize"),
                requireNonNull(connectionTimeout, "connectionTimeout"), requireNonNull(socketTimeout, "socketTimeout"),
                requireNonNull(queryTimeout, "queryTimeout"), true));
    }

    Timeouts.SettingNames names() {
        return names;
    }
}
