package org.certtrack.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certtrack.DatabaseUrl;

/** Runs {@link SizedSeedingMain} in a child JVM limited to a 256 MB heap. */
final class SmallHeapSeeding {

    static final int ENGINEERS = 200_000;
    static final int CERTIFICATES_PER_ENGINEER = 1;
    static final int INSTRUCTORS = 100;

    private SmallHeapSeeding() {
    }

    /** Seeds {@value #ENGINEERS} engineers into {@code url} from a JVM with {@code -Xmx256m}; returns its output. */
    static String run(DatabaseUrl url) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), SizedSeedingMain.class.getName(),
                url.jdbcUrl(), url.username() == null ? "" : url.username(),
                String.valueOf(ENGINEERS), String.valueOf(CERTIFICATES_PER_ENGINEER), String.valueOf(INSTRUCTORS), "42"))
                .redirectErrorStream(true);
        if (url.password() != null) {
            builder.environment().put(SizedSeedingMain.PASSWORD_VARIABLE, url.password());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(text.lines().filter(line -> line.startsWith("seeded")).findFirst().orElse(text));
        assertThat(exited).as("the child JVM finished within 2 minutes").isTrue();
        assertThat(process.exitValue()).as("the child JVM's exit code; its output:%n%s", text).isZero();
        return text;
    }
}
