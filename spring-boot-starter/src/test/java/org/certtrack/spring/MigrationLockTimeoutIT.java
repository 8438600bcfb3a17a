package org.certtrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import org.certtrack.Migrations;
import org.certtrack.TimedOutException;
import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/**
 * {@code certtrack.migrations.lock-timeout} on PostgreSQL: behind another application's open transaction the
 * application fails to start after that long, with a {@link TimedOutException} naming the property, instead
 * of waiting for the transaction. Skipped, counted, without PostgreSQL.
 */
@RequiresPostgres
class MigrationLockTimeoutIT {

    @Test
    void startUpBehindAnOpenTransactionFailsAfterTheLockTimeoutNamingTheProperty() throws Exception {
        try (TestDatabase database = TestDatabase.postgres(); HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(database.url().jdbcUrl());
            pool.setUsername(database.url().username());
            pool.setMaximumPoolSize(2);
            Migrations.of(pool).dangerouslyAllowingRebuild().rebuildTo("6");
            try (Connection otherApplication = database.connect(); Statement statement = otherApplication.createStatement()) {
                otherApplication.setAutoCommit(false);
                statement.executeUpdate("UPDATE engineers SET age = age WHERE id = -1");
                new ApplicationContextRunner()
                        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                                HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
                                CertTrackAutoConfiguration.class, CertTrackMigrationsAutoConfiguration.class))
                        .withPropertyValues("spring.datasource.url=" + database.url().jdbcUrl(),
                                "spring.datasource.username=" + database.url().username(),
                                "certtrack.migrations.lock-timeout=1500ms")
                        .run(context -> {
                            assertThat(context).hasFailed();
                            Throwable cause = context.getStartupFailure();
                            while (cause != null && !(cause instanceof TimedOutException)) {
                                cause = cause.getCause();
                            }
                            assertThat(cause).as("a TimedOutException among the causes").isInstanceOf(TimedOutException.class)
                                    .hasMessageContaining("lockTimeout (1500 ms)")
                                    .hasMessageContaining("certtrack.migrations.lock-timeout=1500ms")
                                    .hasMessageContaining("the schema stays at version 6");
                            assertThat(((TimedOutException) cause).timeout()).isEqualTo(Duration.ofMillis(1500));
                        });
                otherApplication.rollback();
            }
        }
    }
}
