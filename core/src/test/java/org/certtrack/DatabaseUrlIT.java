package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a {@code DATABASE_URL} says reaches the PostgreSQL session. */
@RequiresPostgres
class DatabaseUrlIT {

    @Test
    void applicationNameInTheUrlNamesTheSession() throws Exception {
        try (TestDatabase database = TestDatabase.postgres();
             CertTrack certTrack = CertTrack.builder().url(database.jdbcUrl() + "&application_name=certtrack-billing")
                     .maximumPoolSize(2).build()) {
            Object name = certTrack.inTransaction(work -> work.entityManager()
                    .createNativeQuery("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()")
                    .getSingleResult());
            assertThat(name).as("the session's application_name").isEqualTo("certtrack-billing");
        }
    }
}
