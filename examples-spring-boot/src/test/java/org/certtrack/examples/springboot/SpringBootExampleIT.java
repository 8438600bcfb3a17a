package org.certtrack.examples.springboot;

import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SpringBootExampleContract} on PostgreSQL, in a fresh schema dropped afterwards. PostgreSQL is found
 * as for certtrack's other PostgreSQL tests ({@code CERTTRACK_TEST_JDBC_URL}); without it the class is
 * skipped before Spring starts, or fails when {@code CI=true}.
 */
@RequiresPostgres
@DirtiesContext
class SpringBootExampleIT extends SpringBootExampleContract {

    private static TestDatabase database;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        database = TestDatabase.postgres();
        properties.add("spring.datasource.url", () -> database.url().jdbcUrl());
        properties.add("spring.datasource.username", () -> database.url().username());
        properties.add("spring.datasource.password", () -> database.url().password() == null ? "" : database.url().password());
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }
}
