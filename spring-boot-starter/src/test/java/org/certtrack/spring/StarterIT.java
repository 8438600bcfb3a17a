package org.certtrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;

import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The starter's whole path on PostgreSQL, in a schema of its own; skipped, counted, without PostgreSQL. */
@RequiresPostgres
class StarterIT extends StarterContract {

    @BeforeAll
    static void openDatabase() {
        useDatabase(TestDatabase.postgres());
    }

    @Test
    void bootsPoolIsLeftAsTheApplicationConfiguredIt() {
        assertThat(((HikariDataSource) dataSource).getDataSourceProperties())
                .as("driver properties of the application's pool, which set none").isEmpty();
    }
}
