package org.certtrack.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.certtrack.Migrations;
import org.certtrack.seed.junit.TestDatabase;
import org.certtrack.spring.host.Garage;
import org.certtrack.spring.host.HostApplication;
import org.certtrack.spring.typo.TypoApplication;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.query.NamedQueryValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Host invariance: an application's own entities, queries, transactions, pools, schema generation and
 * Flyway behave as they do without certtrack. The host lets Hibernate make its tables (Boot's default on
 * an embedded database, {@code create-drop}, which Boot applies only when no Flyway manages the database), and
 * uses its own Flyway where the case needs it. One suite of a host application ({@link HostApplication}, which
 * names nothing of certtrack), run without the starter and with it, on H2 and on PostgreSQL: every
 * assertion is what the host gets without certtrack, so both runs must give the same outcomes and the same
 * exception types.
 */
@SpringBootTest(classes = HostApplication.class, properties = {
        "spring.flyway.enabled=false",
        "spring.datasource.hikari.maximum-pool-size=3",
        "spring.datasource.hikari.connection-timeout=1000"})
@DirtiesContext   // each subclass its own database: never share the context
abstract class HostInvarianceContract {

    /** Leaves certtrack's starter out, as if it were not on the classpath. */
    static final String WITHOUT_STARTER = "spring.autoconfigure.exclude=org.certtrack.spring.CertTrackAutoConfiguration";

    private static TestDatabase database;

    @Autowired
    Garage garage;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("reporting")
    HikariDataSource reportingPool;

    /** The subclass's database, opened in its {@code @BeforeAll}, before Spring starts the application. */
    static void useDatabase(TestDatabase fresh) {
        database = fresh;
    }

    @DynamicPropertySource
    static void dataSource(DynamicPropertyRegistry registry) {
        properties(database).forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** A new database of the subclass's kind (H2 or PostgreSQL), for a host that fails to start. */
    abstract TestDatabase newDatabase();

    /** Whether certtrack's starter is in the host application. */
    abstract boolean withStarter();

    /**
     * The host's own properties for {@code target}. On H2 (an embedded database) Hibernate creates the host's
     * tables by Boot's default, {@code create-drop}; on PostgreSQL the host asks for it.
     */
    private static java.util.Map<String, String> properties(TestDatabase target) {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("spring.datasource.url", target.url().jdbcUrl());
        properties.put("spring.datasource.username", target.url().username());
        properties.put("spring.datasource.password", target.url().password() == null ? "" : target.url().password());
        if (target.isPostgres()) {
            properties.put("spring.jpa.hibernate.ddl-auto", "create-drop");
        }
        return properties;
    }

    @Test
    void aLostRaceOnTheHostsVersionedEntityIsSpringsOptimisticLockingFailure() {
        long id = garage.found("blue");

        Throwable lost = catchThrowable(() -> garage.rename(id, "green", () -> garage.renameNow(id, "red")));

        assertThat(lost).as("what committing the stale squad threw")
                .isExactlyInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(garage.named("red")).as("the winner's change, found by the host's named query").hasSize(1);
    }

    @Test
    void anExhaustedPoolInASpringDataTransactionIsSpringsCannotCreateTransaction() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            Throwable exhausted = catchThrowable(() -> garage.countSquads());

            assertThat(exhausted).as("a Spring Data transaction with every pooled connection held")
                    .isExactlyInstanceOf(CannotCreateTransactionException.class);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void aBulkDeleteOnTheHostsJoinedHierarchyWorks() {
        garage.park(5, 50, 500);

        assertThat(garage.scrapHeavierThan(10)).as("trucks deleted by one HQL statement").isEqualTo(2);
    }

    @Test
    void hibernateMadeTheHostsOwnTables() {
        assertThat(tables()).as("the host's tables, generated by Hibernate (create-drop)")
                .contains("squads", "vehicles", "trucks");
    }

    @Test
    void theHostsSecondPoolKeepsItsOwnSettings() {
        Properties expected = new Properties();
        if (database.isPostgres()) {
            expected.setProperty("ApplicationName", HostApplication.REPORTING_APPLICATION_NAME);
        }
        assertThat(reportingPool.getDataSourceProperties()).as("the driver properties of the host's second pool")
                .isEqualTo(expected);
    }

    @Test
    void aTypoInTheHostsNamedQueryFailsAtBoot() {
        try (TestDatabase fresh = newDatabase()) {
            Throwable failure = catchThrowable(() -> start(TypoApplication.class, fresh).close());

            assertThat(failure).as("starting a host whose named query names no attribute").isNotNull()
                    .hasRootCauseExactlyInstanceOf(NamedQueryValidationException.class);
        }
    }

    @Test
    void theHostsExplicitBaselineOnMigrateFalseKeepsFlywaysGuard() throws SQLException {
        try (TestDatabase fresh = newDatabase()) {
            try (Connection connection = fresh.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE legacy (id INT PRIMARY KEY)");
            }
            Throwable failure = catchThrowable(() -> start(HostApplication.class, fresh, "spring.flyway.enabled=true",
                    "spring.flyway.locations=classpath:db/host", "spring.flyway.baseline-on-migrate=false").close());

            assertThat(failure).as("the host's Flyway on a schema with tables and no history, told not to baseline")
                    .isNotNull().hasRootCauseExactlyInstanceOf(FlywayException.class);
        }
    }

    /**
     * certtrack's tables are still what its migrations made, after Hibernate generated the host's schema
     * ({@code create-drop}) in the same database: with the starter only.
     */
    void assertCertTracksSchemaIsTheMigrations() {
        Migrations.of(dataSource).verifySchema();
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM \"certtrack_schema_history\"",
                Integer.class)).as("certtrack's migration history, kept").isPositive();
    }

    /** Starts a host that is expected to fail: its failure is the test's to check, not Spring's to log. */
    private ConfigurableApplicationContext start(Class<?> application, TestDatabase target, String... more) {
        List<String> all = new ArrayList<>();
        properties(target).forEach((key, value) -> all.add(key + "=" + value));
        all.add("spring.flyway.enabled=false");
        all.add("logging.level.org.springframework.boot.SpringApplication=off");
        all.add("logging.level.org.springframework.context=error");
        all.add("logging.level.org.springframework.orm.jpa=off");
        all.add("logging.level.org.springframework.beans.factory.support=error");
        all.add("logging.level.org.hibernate.orm.query=off");
        if (!withStarter()) {
            all.add(WITHOUT_STARTER);
        }
        all.addAll(List.of(more));
        return new SpringApplicationBuilder(application).properties(all.toArray(String[]::new)).run();
    }

    private List<String> tables() {
        return new JdbcTemplate(dataSource).queryForList("SELECT lower(table_name) FROM information_schema.tables"
                + " WHERE lower(table_schema) = lower(current_schema())", String.class);
    }
}
