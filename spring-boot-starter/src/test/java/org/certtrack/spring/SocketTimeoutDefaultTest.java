package org.certtrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;

/** Which of the application's pools get certtrack's socketTimeout: PostgreSQL pools that set none. */
class SocketTimeoutDefaultTest {

    private final SocketTimeoutDefault postProcessor = new SocketTimeoutDefault();

    @Test
    void aPostgresqlPoolWithoutOneGetsCertTracksDefault() {
        assertThat(socketTimeoutAfterPostProcessing("jdbc:postgresql://127.0.0.1:5432/app", null))
                .as("seconds pgjdbc waits for an answer").isEqualTo("120");
    }

    @Test
    void theApplicationsOwnValueWins() {
        assertThat(socketTimeoutAfterPostProcessing("jdbc:postgresql://127.0.0.1:5432/app", "30")).isEqualTo("30");
        assertThat(socketTimeoutAfterPostProcessing("jdbc:postgresql://127.0.0.1:5432/app?socketTimeout=30", null))
                .as("set in the URL, so none is added beside it").isNull();
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        assertThat(socketTimeoutAfterPostProcessing("jdbc:h2:mem:app", null)).isNull();
    }

    private String socketTimeoutAfterPostProcessing(String jdbcUrl, String ownSocketTimeout) {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(jdbcUrl);
            if (ownSocketTimeout != null) {
                pool.addDataSourceProperty("socketTimeout", ownSocketTimeout);
            }
            postProcessor.postProcessBeforeInitialization(pool, "dataSource");
            return pool.getDataSourceProperties().getProperty("socketTimeout");
        }
    }
}
