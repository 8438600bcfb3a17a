package org.certtrack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUrl;
import org.certtrack.InvalidValueException;
import org.junit.jupiter.api.Test;

class DriversTest {

    @Test
    void passesWhenTheDriverIsOnTheClasspath() {
        assertThatCode(() -> Drivers.require("jdbc:h2:mem:drivers-test")).doesNotThrowAnyException();
        assertThatCode(() -> Drivers.require("jdbc:postgresql://127.0.0.1:5432/test")).doesNotThrowAnyException();
    }

    @Test
    void namesTheArtifactToAddForH2() {
        SQLException cause = new SQLException("no driver", "08001");
        CertTrackException e = Drivers.missing("jdbc:h2:file:/tmp/certtrack", cause);
        assertThat(e).hasMessage("No JDBC driver for jdbc:h2:file:/tmp/certtrack on the classpath: "
                + "add com.h2database:h2 (certtrack-dependencies or your platform, such as Spring Boot, manages its version)").hasCause(cause);
    }

    @Test
    void namesTheArtifactToAddForPostgresql() {
        assertThat(Drivers.missing("jdbc:postgresql://db.example/certtrack", new SQLException()))
                .hasMessage("No JDBC driver for jdbc:postgresql://db.example/certtrack on the classpath: "
                        + "add org.postgresql:postgresql (certtrack-dependencies or your platform, such as Spring Boot, manages its version)");
    }

    @Test
    void failsForADriverThatIsNotThereWithoutShowingThePassword() {
        assertThatThrownBy(() -> Drivers.require("jdbc:mysql://db.example/certtrack?user=app&password=hunter2"))
                .as("no MySQL driver is on certtrack's test classpath")
                .isInstanceOf(CertTrackException.class)
                .hasMessage("No JDBC driver for jdbc:mysql://db.example/certtrack?user=app&password=**** on the classpath: "
                        + "add the JDBC driver for mysql (certtrack is tested on H2 and PostgreSQL only)")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void aDatabaseUrlOfAnotherSchemeCannotBeMadeSoNoDriverEverSeesIt() {
        // Until 0.2.0 DatabaseUrl's public record constructor accepted any text, and the builder then failed on the driver.
        assertThatThrownBy(() -> DatabaseUrl.of("jdbc:mysql://db.example/certtrack?password=hunter2", "app", null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("DATABASE_URL must look like postgresql://")
                .hasMessageNotContaining("hunter2");
    }
}
