package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void readsThePostgresqlUrlOfTheOriginalDotEnvFiles() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://certs:s3cr%40t@db.example:6543/certtrack");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/certtrack");
        assertThat(url.username()).isEqualTo("certs");
        assertThat(url.password()).as("percent-decoded").isEqualTo("s3cr@t");
    }

    @Test
    void readsPostgresSchemeAndKeepsParameters() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://certs@localhost/certtrack?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/certtrack?sslmode=require");
        assertThat(url.username()).isEqualTo("certs");
        assertThat(url.password()).isNull();
    }

    @Test
    void movesCredentialsOutOfAJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=hunter2&ssl=false");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?ssl=false");
        assertThat(url.username()).isEqualTo("postgres");
        assertThat(url.password()).isEqualTo("hunter2");
    }

    @Test
    void passesOtherJdbcUrlsThrough() {
        assertThat(DatabaseUrl.parse("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1").jdbcUrl()).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
    }

    @Test
    void toStringMasksThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://certs:hunter2@localhost/certtrack");
        assertThat(url.toString()).doesNotContain("hunter2").contains("jdbc:postgresql://localhost/certtrack", "certs", "****");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mysql://root:hunter2@localhost/db",
            "postgresql://root:hunter2@/db",
            "postgresql://root:hunter2@localhost",
            "postgresql://root:hunter2@localhost:99999/db",
            "jdbc:postgresql://localhost:0/db?user=root&password=hunter2",
            "postgres://root:hunter2@local_host/db",
            " ",
            "postgresql://root:hunter2@local host/db",
            "hunter2",
            "jdbc:hunter2"})
    void aMalformedUrlIsRejectedWithoutShowingItsPassword(String malformed) {
        assertThatThrownBy(() -> DatabaseUrl.parse(malformed))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("DATABASE_URL ")
                .hasMessageNotContaining("hunter2")
                .hasFieldOrPropertyWithValue("field", "DATABASE_URL");
    }

    @Test
    void masksPasswordsInAnyText() {
        assertThat(DatabaseUrl.mask("failed: postgresql://u:p4ss@h/db and jdbc:x://h/db?user=u&password=p4ss;x"))
                .doesNotContain("p4ss");
    }
}
