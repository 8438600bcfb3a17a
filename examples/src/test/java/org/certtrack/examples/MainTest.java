package org.certtrack.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.certtrack.CertTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void firstRunAddsSampleRowsAndASecondRunFindsThem(@TempDir Path directory) {
        String first = runOn(directory);
        assertThat(first).contains("The database was empty", "Ada Lovelace (backend, 36)",
                "AWS      expires 2027, issued by Grace Hopper", "Grace Hopper: Ada Lovelace, Linus Torvalds");

        String second = runOn(directory);
        assertThat(second).doesNotContain("The database was empty").contains("Alan Turing: Ada Lovelace");
        assertThat(second.split("Ada Lovelace \\(").length - 1).as("Ada is listed once, not added twice").isEqualTo(1);
    }

    private static String runOn(Path directory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CertTrack certTrack = CertTrack.builder().embedded(directory.resolve("certtrack")).build();
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Main.run(certTrack, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
