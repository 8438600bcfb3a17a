package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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
    void aHostNameMayHoldUnderscoresAsDockerComposeServicesDo() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://certs:secret@postgres_db:5432/certtrack");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://postgres_db:5432/certtrack");
        assertThat(DatabaseUrl.parse("postgresql://certs:secret@db_1:5432,db_2/certtrack").isMultiHost()).isTrue();
    }

    @Test
    void aUnixSocketUrlReachesTheSocketThroughJunixsocket() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql:///certtrack?host=/var/run/postgresql&user=certs");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/certtrack"
                + "?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg"
                + "&socketFactoryArg=/var/run/postgresql/.s.PGSQL.5432&sslmode=disable");
        assertThat(url.username()).isEqualTo("certs");
        assertThat(DatabaseUrl.parse("postgresql://certs:secret@/certtrack?host=/tmp/&port=5433").jdbcUrl())
                .contains("socketFactoryArg=/tmp/.s.PGSQL.5433");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql:///certtrack?host=/tmp&port=0"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("port");
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
            "postgres://root:hunter2@local!host/db",
            "postgresql://root:hunter2@/db?sslmode=disable",
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
    void anUnsupportedSchemeIsNamedAndTheRestCountedNotShown() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:secretpw@h/db"))
                .hasMessageEndingWith("but was \"mysql://<15 characters hidden>\"");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:mysql://h/db"))
                .hasMessageEndingWith("but was \"jdbc:mysql://<4 characters hidden>\"");
    }

    @Test
    void masksPasswordsInAnyText() {
        assertThat(DatabaseUrl.mask("failed: postgresql://u:p4ss@h/db and jdbc:x://h/db?user=u&password=p4ss;x"))
                .doesNotContain("p4ss");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b+c", "+", "a b", "p%2Bq"})
    void aPlusInThePasswordStaysAPlus(String password) {
        String expected = password.replace("%2B", "+");
        assertThat(DatabaseUrl.parse("postgresql://bob:" + password.replace(" ", "%20") + "@db.example:5432/certs").password())
                .as("percent-decoded, not form-decoded").isEqualTo(expected);
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db.example/certs?user=bob&password=" + password.replace(" ", "%20")).password())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hunter/2Canary", "Hunter@2Canary", "Hunter/@2Canary", "Hunter@2/Canary@x", "Hunter:2Canary?"})
    void anUnencodedAtOrSlashInThePasswordIsReadAsPartOfIt(String password) {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://bob:" + password + "@db.example:6543/certs?sslmode=require");
        assertThat(url.username()).isEqualTo("bob");
        assertThat(url.password()).isEqualTo(password);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/certs?sslmode=require");
        assertThat(url.toString()).doesNotContain("Hunter", "Canary");
    }

    @Test
    void anAtInAPasswordParameterIsNotTakenForTheUserInformation() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db.example/certs?user=bob&password=Hunter@2Canary");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example/certs");
        assertThat(url.password()).isEqualTo("Hunter@2Canary");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://bob:Hunter/2Canary@db.example:99999/certs",
            "postgresql://bob:Hunter/2Canary@db.example",
            "postgresql://bob:Hunter/2Canary@",
            "postgresql://bob:Hunter/2Canary@local!host/certs",
            "postgresql://bob:Hunter@2Canary@db.example:0/certs",
            "postgresql://bob:Hunter@2Canary@db.example",
            "postgresql://bob:Hunter@2Canary@local host/certs",
            "postgresql://bob:Hunter%ZZ2Canary@db.example/certs",
            "postgres://bob:Hunter/2Canary",
            "jdbc:postgresq://db.example/certs?user=bob&password=Hunter/2Canary",
            "jdbc:postgresq://bob:Hunter@2Canary@db.example/certs",
            "jdbc:mysql://db.example/certs?user=bob&password=Hunter2Canary",
            "jdbc:h2",
            "postgresql//bob:Hunter@2Canary@db.example/certs"})
    void noPartOfAnUnencodedPasswordShowsInTheError(String malformed) {
        assertThatThrownBy(() -> DatabaseUrl.parse(malformed))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("DATABASE_URL ")
                .hasMessageNotContaining("Hunter")
                .hasMessageNotContaining("Canary");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://bob:Hunter@2Canary@primary.example:5432,standby.example:5433/certs?sslmode=require",
            "postgres://bob:Hunter%402Canary@primary.example:5432,standby.example:5433/certs?sslmode=require",
            "jdbc:postgresql://primary.example:5432,standby.example:5433/certs?user=bob&password=Hunter@2Canary&sslmode=require"})
    void readsAPrimaryAndItsStandbysFromOneUrlInEveryShape(String multiHost) {
        DatabaseUrl url = DatabaseUrl.parse(multiHost);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://primary.example:5432,standby.example:5433/certs?sslmode=require");
        assertThat(url.username()).isEqualTo("bob");
        assertThat(url.password()).isEqualTo("Hunter@2Canary");
        assertThat(url.isMultiHost()).as("two servers").isTrue();
        assertThat(url.toString()).doesNotContain("Hunter", "Canary");
        assertThat(DatabaseUrl.mask(multiHost)).doesNotContain("Hunter", "Canary");
    }

    @Test
    void aMultiHostUrlMayMixPortsIpv6AndDefaultPorts() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://bob@10.0.0.1,[::1]:5433,standby.example:6000/certs");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.1,[::1]:5433,standby.example:6000/certs");
        assertThat(url.isMultiHost()).isTrue();
        assertThat(DatabaseUrl.parse("postgresql://bob@db.example:5432/certs").isMultiHost()).as("one server").isFalse();
        assertThat(DatabaseUrl.parse("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1").isMultiHost()).as("H2").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://bob:Hunter/2Canary@primary.example:5432,standby.example:99999/certs",
            "postgresql://bob:Hunter@2Canary@primary.example:0,standby.example/certs",
            "postgresql://bob:Hunter@2Canary@primary.example,,standby.example/certs",
            "postgresql://bob:Hunter@2Canary@primary.example,standby!1/certs",
            "postgresql://bob:Hunter@2Canary@primary.example,standby.example",
            "jdbc:postgresql://primary.example:5432,standby.example:/certs?password=Hunter@2Canary"})
    void aMalformedMultiHostUrlIsRejectedWithoutShowingItsPassword(String malformed) {
        assertThatThrownBy(() -> DatabaseUrl.parse(malformed))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("DATABASE_URL ")
                .hasMessageNotContaining("Hunter")
                .hasMessageNotContaining("Canary");
    }

    @Test
    void aDriverParameterIsReadAndReplacedWithoutTouchingTheOthers() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://bob:pw@h1:5432,h2:5433/certs?targetServerType=any&sslmode=require");
        assertThat(url.parameter("targetServerType")).isEqualTo("any");
        assertThat(url.parameter("loadBalanceHosts")).isNull();
        DatabaseUrl primary = url.withParameter("targetServerType", "primary");
        assertThat(primary.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/certs?sslmode=require&targetServerType=primary");
        assertThat(primary.password()).isEqualTo("pw");
        assertThat(DatabaseUrl.parse("postgresql://bob@h1,h2/certs").withParameter("loadBalanceHosts", "true").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h1,h2/certs?loadBalanceHosts=true");
    }

    @Test
    void maskHidesAPasswordWithAnUnencodedAtOrSlash() {
        assertThat(DatabaseUrl.mask("failed: postgresql://bob:Hunter/2Canary@h/db; postgres://bob:Hunter@2Canary@h/db"))
                .doesNotContain("Hunter", "Canary");
    }

    @Test
    void aMistypedSchemeNeverReachesADriverOrItsLog() {
        Logger driverLog = Logger.getLogger("org.postgresql");
        Level level = driverLog.getLevel();
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        driverLog.setLevel(Level.ALL);
        driverLog.addHandler(capture);
        try {
            assertThatThrownBy(() -> CertTrack.builder()
                    .url("jdbc:postgresq://127.0.0.1:5432/test?user=bob&password=hunter2")
                    .connectionTimeout(java.time.Duration.ofMillis(500)).build())
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("DATABASE_URL must look like")
                    .hasMessageNotContaining("hunter2");
        } finally {
            driverLog.removeHandler(capture);
            driverLog.setLevel(level);
        }
        assertThat(logged).as("what the PostgreSQL driver logged").noneMatch(line -> line.contains("hunter2"));
    }

    @Test
    void libpqParameterNamesReachTheDriverUnderItsOwnNames() {
        assertThat(DatabaseUrl.parse("postgresql://bob@db.example/certs?application_name=billing&connect_timeout=3&sslmode=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example/certs?ApplicationName=billing&connectTimeout=3&sslmode=require");
    }

    @Test
    void libpqTargetSessionAttrsBecomeTheDriversTargetServerType() {
        assertThat(DatabaseUrl.parse("postgresql://bob@a:5432,b:5433/certs?target_session_attrs=read-write").jdbcUrl())
                .isEqualTo("jdbc:postgresql://a:5432,b:5433/certs?targetServerType=primary");
        assertThat(DatabaseUrl.parse("postgresql://a,b/certs?target_session_attrs=prefer-standby").parameter("targetServerType"))
                .isEqualTo("preferSecondary");
        assertThat(DatabaseUrl.parse("postgresql://a,b/certs?target_session_attrs=standby").parameter("targetServerType"))
                .isEqualTo("secondary");
        assertThat(DatabaseUrl.parse("postgresql://a,b/certs?target_session_attrs=any").parameter("targetServerType"))
                .isEqualTo("any");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://a,b/certs?target_session_attrs=writable"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("target_session_attrs").hasMessageContaining("writable");
    }

    @Test
    void movesCredentialsOutOfAnH2Url() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:h2:mem:x;USER=sa;PASSWORD=hunter2;DB_CLOSE_DELAY=-1");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
        assertThat(url.username()).isEqualTo("sa");
        assertThat(url.password()).isEqualTo("hunter2");
    }
}
