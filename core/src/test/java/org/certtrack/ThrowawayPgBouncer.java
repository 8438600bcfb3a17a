package org.certtrack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PgBouncer of a test's own in front of a {@link ThrowawayCluster}: Debian's {@code /usr/sbin/pgbouncer}, in
 * transaction pooling mode, on a free loopback port, with its configuration, (empty, trust) auth file, log and
 * pid file in a temporary directory, run in the foreground as the {@code postgres} user when the test runs as
 * root (PgBouncer refuses root). {@link #close()} stops it and deletes its directory. Classes that use it carry
 * {@code @ExtendWith(ThrowawayPgBouncer.Installed.class)}: they skip with the reason where it is missing, and
 * fail in CI.
 */
final class ThrowawayPgBouncer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private static final boolean AS_POSTGRES_USER = "root".equals(System.getProperty("user.name"));

    private final Path directory;
    private final int port;
    private final Process process;

    /**
     * Starts PgBouncer in front of {@code server}'s {@code postgres} database, with at most {@code serverConnections}
     * connections to it, and waits (up to 10 s) until it accepts connections.
     */
    ThrowawayPgBouncer(ThrowawayCluster server, int serverConnections) throws IOException, InterruptedException {
        directory = Files.createTempDirectory("certtrack-pgbouncer-");
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path auth = directory.resolve("userlist.txt");
        Files.writeString(auth, "\"postgres\" \"\"\n");
        Path config = directory.resolve("pgbouncer.ini");
        Files.writeString(config, String.join("\n",
                "[databases]",
                "postgres = host=127.0.0.1 port=" + server.port() + " dbname=postgres",
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = trust",
                "auth_file = " + auth,
                "pool_mode = transaction",
                "default_pool_size = " + serverConnections,
                "max_db_connections = " + serverConnections,
                // 500 clients of the test and a margin, within the 1024 open files a process of runuser gets.
                "max_client_conn = 900",
                // pgjdbc sends extra_float_digits at start-up; PgBouncer passes on only the parameters it tracks.
                "ignore_startup_parameters = extra_float_digits",
                "logfile = " + directory.resolve("pgbouncer.log"),
                "pidfile = " + directory.resolve("pgbouncer.pid"),
                ""));
        List<String> command = new ArrayList<>();
        if (AS_POSTGRES_USER) {
            run("chown", "-R", "postgres", directory.toString());
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(BINARY.toString(), "-q", config.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = logText();
                close();
                throw new IllegalStateException("pgbouncer did not accept connections on port " + port + " within 10 s:\n" + log);
            }
            Thread.sleep(50);
        }
    }

    /** {@code 127.0.0.1:port}. */
    String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /** PgBouncer's log and output, for a failed test to print. */
    String logText() throws IOException {
        StringBuilder text = new StringBuilder("pgbouncer (port " + port + "):\n");
        for (String file : new String[] {"pgbouncer.log", "stdout.log"}) {
            Path log = directory.resolve(file);
            if (Files.exists(log)) {
                text.append(Files.readString(log));
            }
        }
        return text.toString();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            // PgBouncer itself, by its pid file (runuser may not pass the signal on), then runuser.
            Path pidFile = directory.resolve("pgbouncer.pid");
            if (Files.exists(pidFile)) {
                new ProcessBuilder("kill", "-TERM", Files.readString(pidFile).trim()).start().waitFor(10, TimeUnit.SECONDS);
            }
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping pgbouncer", e);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** Skips a class where PgBouncer is not installed ({@code apt-get install pgbouncer}); fails it in CI. */
    static final class Installed implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return PostgresCondition.evaluate(Files.isExecutable(BINARY),
                    "certtrack: no PgBouncer at " + BINARY + " (apt-get install pgbouncer) to put in front of a throwaway cluster");
        }
    }
}
