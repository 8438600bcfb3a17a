package org.certtrack.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Runs {@link SpringBootExample#main} as {@code java -jar} does, twice, on one in-memory H2 database. */
@ExtendWith(OutputCaptureExtension.class)
class SpringBootExampleMainTest {

    @Test
    void mainMigratesHiresTheTeamOnceAndReports(CapturedOutput output) {
        String database = "--spring.datasource.url=jdbc:h2:mem:main-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        SpringBootExample.main(new String[] {database});
        assertThat(output.getOut()).contains("The database was empty: hired the sample team.",
                "Engineers (certtrack's EngineerRepository, 2 in all):", "Ada Lovelace (backend): [AWS] - first engineer of the sample team",
                "Grace Hopper: [Ada Lovelace, Linus Torvalds]",
                "Backend engineers (Spring Data): [Ada Lovelace]", "Engineers aged 50 or more (Spring Data): 1");

        SpringBootExample.main(new String[] {database});
        assertThat(output.getOut().split("hired the sample team").length - 1).as("hired once, not on the second run")
                .isEqualTo(1);
        assertThat(output.getOut().split("2 in all").length - 1).as("both runs reported two engineers").isEqualTo(2);
    }
}
