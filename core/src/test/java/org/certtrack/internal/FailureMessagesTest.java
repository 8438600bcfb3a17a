package org.certtrack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.persistence.PersistenceException;

import java.net.SocketTimeoutException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.certtrack.DatabaseUnavailableException;
import org.certtrack.PoolExhaustedException;
import org.junit.jupiter.api.Test;

/** What certtrack's messages say of a failure: the host's names for its limits, and never a batch's rows. */
class FailureMessagesTest {

    private static final Timeouts.SettingNames PROPERTIES = new Timeouts.SettingNames("app.pool-size",
            "app.connection-timeout", "app.socket-timeout", "app.query-timeout", true);

    @Test
    void aFailedBatchIsToldByWhatFailedItNotByItsRows() {
        BatchUpdateException batch = new BatchUpdateException(
                "Batch entry 0 insert into engineers (name, age) values ('Ada Lovelace', 36) was aborted", "08006", new int[0]);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        RuntimeException translated = Failures.translate(new PersistenceException("flush failed", batch));

        assertThat(translated).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("An I/O error occurred while sending to the backend.")
                .hasMessageNotContaining("Ada Lovelace").hasMessageNotContaining("insert into");
    }

    @Test
    void aBatchWithNothingBehindItIsToldByItsSqlStateOnly() {
        BatchUpdateException batch = new BatchUpdateException(
                "Batch entry 3 update engineers set name='Grace Hopper' was aborted", "08006", new int[0]);

        RuntimeException translated = Failures.translate(new PersistenceException("flush failed", batch));

        assertThat(translated).hasMessageContaining("a batch of statements failed (SQLState 08006)")
                .hasMessageNotContaining("Grace Hopper");
    }

    @Test
    void aSilentServerIsToldByTheHostsPropertyAndItsValue() {
        SQLException driver = new SQLException("An I/O error occurred", "08006", new SocketTimeoutException("Read timed out"));
        Timeouts.Limits limits = new Timeouts.Limits(4, Duration.ofMillis(1500), Duration.ofSeconds(30), null, PROPERTIES);

        RuntimeException translated = Failures.translate(new PersistenceException(driver), null, limits);

        assertThat(translated).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("app.socket-timeout=30").hasMessageNotContaining("socketTimeout");
    }

    @SuppressWarnings("try") // the resource is held, not used, for the block's duration
    @Test
    void anExhaustedPoolIsToldByTheHostsPropertiesAndTheirValues() throws SQLException {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:failure-messages");
            pool.setMaximumPoolSize(1);
            pool.setConnectionTimeout(250);
            try (var held = pool.getConnection()) {
                SQLTransientConnectionException timeout = new SQLTransientConnectionException("timed out");
                RuntimeException translated = Failures.translate(new PersistenceException(timeout), pool,
                        Timeouts.Limits.of(pool, null, PROPERTIES));

                assertThat(translated).isInstanceOf(PoolExhaustedException.class)
                        .hasMessageContaining("All 1 connections of the pool (app.pool-size=1)")
                        .hasMessageContaining("app.connection-timeout=250")
                        .hasMessageContaining("Raise app.pool-size or app.connection-timeout")
                        .hasMessageNotContaining("maximumPoolSize");
            }
        }
    }
}
