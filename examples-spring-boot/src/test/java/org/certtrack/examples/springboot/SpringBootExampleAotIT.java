package org.certtrack.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certtrack.Migrations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged example, AOT-processed by the build ({@code spring-boot-maven-plugin:process-aot}), started on
 * the JVM with {@code -Dspring.aot.enabled=true}, as a native image would run it, once (a start costs
 * seconds): on a database whose certtrack schema someone else migrated, with
 * {@code certtrack.migrations.enabled=false}, it reports its team and stops without migrating, because the
 * starter reads that setting at start-up instead of fixing it at build time.
 */
class SpringBootExampleAotIT {

    /** How long one start of the example may take before the test stops it and fails. */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path directory;

    @Test
    void theAotProcessedApplicationAnswersAndHonoursMigrationsEnabledAtRunTime() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("example").toAbsolutePath();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        Migrations.of(dataSource).migrate();   // someone else migrates; the file is closed with its last connection

        String output = run("--spring.datasource.url=" + url, "--certtrack.migrations.enabled=false");

        assertThat(output).as("output of the AOT-processed example")
                .contains("The database was empty: hired the sample team.",
                        "Engineers (certtrack's EngineerRepository, 2 in all):", "Backend engineers (Spring Data): [Ada Lovelace]")
                .doesNotContain("certtrack schema on");   // what certtrack logs (at INFO) when it migrates
    }

    /** Runs the jar AOT-processed; its output (stdout and stderr), after it exited 0. */
    private String run(String... arguments) throws IOException, InterruptedException {
        String jar = System.getProperty("certtrack.example.jar");
        assertThat(jar).as("system property certtrack.example.jar, set by the build").isNotNull();
        assertThat(Path.of(jar)).as("the packaged example").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dspring.aot.enabled=true", "-jar", jar, "--logging.level.org.certtrack=info"));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(directory, "run", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("The AOT-processed example did not stop within RUN_LIMIT (" + RUN_LIMIT.toSeconds() + " s); its output:\n"
                    + Files.readString(output));
        }
        String text = Files.readString(output);
        assertThat(process.exitValue()).as("exit code of the AOT-processed example; its output:\n" + text).isZero();
        return text;
    }
}
