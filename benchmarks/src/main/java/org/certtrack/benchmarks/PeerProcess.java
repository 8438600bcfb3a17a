package org.certtrack.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Spring Data JPA + Spring MVC peer ({@code benchmarks-peer}) in a JVM of its own, as its users run it:
 * {@code java -jar certtrack-benchmarks-peer-exec.jar}. {@link #workloads} starts it without a web server
 * and hands it one workload at a time; it times each in its own JVM and answers the seconds.
 */
final class PeerProcess implements AutoCloseable {

    static final Path JAR = Path.of("benchmarks-peer", "target", "certtrack-benchmarks-peer-exec.jar");

    private final Process process;
    private final Path log;
    private final BufferedReader answers;
    private final PrintWriter commands;

    private PeerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** {@code java -jar} the peer's jar with these arguments; fails when the jar was not built. */
    static List<String> command(String... arguments) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw -q -DskipTests package first");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The peer's workload runner on the database {@code jdbcUrl}, ready for its first workload. */
    static PeerProcess workloads(String jdbcUrl) throws Exception {
        // Its log goes to a file: read only when something fails.
        Path log = Files.createTempFile("certtrack-peer-", ".log");
        Process process = new ProcessBuilder(command("workloads", "--spring.datasource.url=" + jdbcUrl))
                .redirectError(log.toFile()).start();
        PeerProcess peer = new PeerProcess(process, log);
        peer.answer("ready");
        return peer;
    }

    /** Runs the workload in the peer and answers the seconds it took there. */
    double seconds(String workload) throws Exception {
        commands.println(workload);
        return Double.parseDouble(answer("ok "));
    }

    /** The longest the peer may take to start, or to run one workload, before it is killed. */
    static final Duration LIMIT = Duration.ofMinutes(10);

    /** Runs the workload in the peer and answers the rows it read, as {@link PeerRows#text}. */
    String rows(String workload) throws Exception {
        Path dump = Files.createTempFile("certtrack-peer-rows-", ".txt");
        try {
            seconds("dump " + dump + " " + workload);
            return Files.readString(dump, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    /** Reads the peer's output up to the line starting with {@code prefix} and answers the rest of that line. */
    private String answer(String prefix) throws Exception {
        StringBuilder other = new StringBuilder();
        try (Processes.Deadline deadline = Processes.killAfter(process, LIMIT)) {
            for (String line = answers.readLine(); line != null; line = answers.readLine()) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
                if (line.startsWith("error ")) {
                    throw new IllegalStateException("the peer failed: " + line.substring(6) + "\n" + Files.readString(log));
                }
                other.append(line).append('\n');
            }
            if (deadline.passed()) {
                throw new IllegalStateException("the peer ran longer than " + LIMIT.toMinutes() + " minutes and was killed:\n"
                        + other + Files.readString(log));
            }
        }
        throw new IllegalStateException("the peer stopped:\n" + other + Files.readString(log));
    }

    /** Asks the peer to stop, and stops it when it has not within 30 seconds. */
    @Override
    public void close() throws IOException {
        commands.println("quit");
        commands.close();
        try {
            if (!process.waitFor(Processes.STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                Processes.stop(process);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
