package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The lock timeout of certtrack's migrations, as far as H2 can show it: bad values are refused, naming
 * {@code lockTimeout} and the value, and on H2 (which bounds lock waits with its own {@code LOCK_TIMEOUT})
 * setting it changes nothing. {@link MigrationLocksIT} shows what it does on PostgreSQL.
 */
class MigrationLocksTest {

    @Test
    void aLockTimeoutOutsideOneMillisecondToOneHourIsRefusedByTheBuilderAndByMigrations() throws SQLException {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-5), Duration.ofNanos(999_999), Duration.ofHours(2)}) {
            assertThatThrownBy(() -> CertTrack.builder().lockTimeout(bad))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("lockTimeout must be between 1 ms and 1 hour, but was " + bad)
                    .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("lockTimeout"));
            try (TestDatabase h2 = TestDatabase.h2(); HikariDataSource pool = h2.newPool()) {
                assertThatThrownBy(() -> Migrations.of(pool).lockTimeout(bad))
                        .isInstanceOf(InvalidValueException.class)
                        .hasMessage("lockTimeout must be between 1 ms and 1 hour, but was " + bad);
            }
        }
        assertThatThrownBy(() -> CertTrack.builder().lockTimeout(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("lockTimeout");
    }

    @Test
    void aLockTimeoutNotShorterThanTheSocketTimeoutIsRefusedAtBuild() {
        assertThatThrownBy(() -> CertTrack.builder().url("jdbc:h2:mem:lock-timeout-" + System.nanoTime())
                .socketTimeout(Duration.ofSeconds(60)).lockTimeout(Duration.ofSeconds(60)).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("lockTimeout must be shorter than socketTimeout (60 s)")
                .hasMessageEndingWith("but was PT1M");
    }

    @Test
    void aShortSocketTimeoutNeedsNoLockTimeoutTheDefaultFollowsTheShorterQueryTimeout() throws Exception {
        try (TestDatabase h2 = TestDatabase.h2();
             CertTrack certTrack = h2.certTrack().queryTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(3)).build()) {
            assertThat(certTrack.startupMigration().toVersion()).isEqualTo(MigrationsContract.LATEST_VERSION);
        }
    }

    @Test
    void onH2TheLockTimeoutChangesNothing() throws Exception {
        try (TestDatabase h2 = TestDatabase.h2()) {
            try (CertTrack certTrack = h2.certTrack().lockTimeout(Duration.ofMillis(1)).build()) {
                assertThat(certTrack.startupMigration().toVersion()).isEqualTo(MigrationsContract.LATEST_VERSION);
            }
        }
    }
}
