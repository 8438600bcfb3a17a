package org.certtrack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
 * A PostgreSQL cluster of a test's own, never the shared server: {@code initdb} (or {@code pg_basebackup -R}
 * from another one, for a streaming standby) into a temporary directory, served by {@code pg_ctl} on a free
 * loopback port, as the {@code postgres} user when the test runs as root (initdb refuses root).
 * {@link #close()} stops it and deletes its directory. Classes that use it carry
 * {@code @ExtendWith(ThrowawayCluster.ServerBinaries.class)}, so that they skip (or fail, in CI) with the reason
 * where the binaries are missing.
 *
 * <pre>{@code
 * ThrowawayCluster primary = ThrowawayCluster.create("primary");
 * primary.start("synchronous_standby_names=standby");
 * ThrowawayCluster standby = primary.standby("standby");
 * standby.start();
 * }</pre>
 */
final class ThrowawayCluster implements AutoCloseable {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private static final boolean AS_POSTGRES_USER = "root".equals(System.getProperty("user.name"));

    private final String name;
    private final Path directory;
    private final Path data;
    private final int port;
    private boolean running;

    private ThrowawayCluster(String name) throws IOException, InterruptedException {
        this.name = name;
        this.directory = Files.createTempDirectory("certtrack-" + name + "-");
        this.data = directory.resolve("data");
        if (AS_POSTGRES_USER) {
            run(false, "chown", "postgres", directory.toString());
        }
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = free.getLocalPort();
        }
    }

    /** A new, empty cluster with a {@code postgres} superuser that trusts local connections (not started). */
    static ThrowawayCluster create(String name) throws IOException, InterruptedException {
        ThrowawayCluster cluster = new ThrowawayCluster(name);
        cluster.run(true, BIN.resolve("initdb").toString(), "-D", cluster.data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync");
        return cluster;
    }

    /**
     * A streaming standby of this (running) cluster, not started: a base backup with {@code standby.signal}
     * ({@code pg_basebackup -R}, whose {@code primary_conninfo} keeps the {@code application_name=name} it
     * connected with), which
     * {@code synchronous_standby_names} on this cluster may name.
     */
    ThrowawayCluster standby(String standbyName) throws IOException, InterruptedException {
        ThrowawayCluster standby = new ThrowawayCluster(standbyName);
        String conninfo = "host=127.0.0.1 port=" + port + " user=postgres application_name=" + standbyName;
        standby.run(true, BIN.resolve("pg_basebackup").toString(), "-d", conninfo, "-D", standby.data.toString(),
                "-R", "-X", "stream", "--no-sync", "-c", "fast");
        return standby;
    }

    /** Starts the server and waits until it accepts connections, with {@code settings} ({@code name=value}) on its command line. */
    void start(String... settings) throws IOException, InterruptedException {
        StringBuilder options = new StringBuilder("-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off");
        for (String setting : settings) {
            options.append(" -c ").append(setting);
        }
        run(true, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log().toString(), "-w", "-t", "60",
                "-o", options.toString(), "start");
        running = true;
    }

    /** Stops the server cleanly ({@code -m fast}: sessions are ended, and a primary sends its standbys all its WAL first). */
    void stop() throws IOException, InterruptedException {
        run(true, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
        running = false;
    }

    /** Stops the server as a crash would ({@code -m immediate}): no shutdown checkpoint, nothing more sent to standbys. */
    void crash() throws IOException, InterruptedException {
        run(true, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        running = false;
    }

    /**
     * Freezes the server ({@code SIGSTOP} to the postmaster and its children, by their process ids), as a hung
     * host: connections stay open and new ones are accepted by the kernel, but nothing answers. {@link #thaw()}
     * resumes it.
     */
    void freeze() throws IOException, InterruptedException {
        signalAll("-STOP");
    }

    /** Resumes a {@linkplain #freeze() frozen} server. */
    void thaw() throws IOException, InterruptedException {
        signalAll("-CONT");
    }

    /**
     * Sends {@code signal} to the postmaster and each of its children. The postmaster is stopped first (so it
     * forks no child that the list would miss) and resumed last. A child that exits between the listing and its
     * signal (a backend whose client went away) has nothing left to stop or resume, so that is no failure.
     */
    private void signalAll(String signal) throws IOException, InterruptedException {
        String postmaster = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
        boolean stopping = signal.equals("-STOP");
        if (stopping) {
            signal(signal, postmaster);
        }
        Process children = new ProcessBuilder("ps", "--ppid", postmaster, "-o", "pid=").start();
        String listed = new String(children.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!children.waitFor(10, TimeUnit.SECONDS)) {
            children.destroyForcibly();
            throw new IllegalStateException("ps --ppid " + postmaster + " did not finish within 10 s");
        }
        for (String child : listed.split("\\s+")) {
            if (!child.isBlank()) {
                signal(signal, child.trim());
            }
        }
        if (!stopping) {
            signal(signal, postmaster);
        }
    }

    private static void signal(String signal, String pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, pid).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kill.waitFor(10, TimeUnit.SECONDS)) {
            kill.destroyForcibly();
            throw new IllegalStateException("kill " + signal + " " + pid + " did not finish within 10 s");
        }
        if (kill.exitValue() != 0 && Files.exists(Path.of("/proc", pid))) {
            throw new IllegalStateException("kill " + signal + " " + pid + " failed:\n" + output);
        }
    }

    /** Promotes this standby to a primary, and waits until it is one. */
    void promote() throws IOException, InterruptedException {
        run(true, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "promote");
    }

    /**
     * From now on, every role but {@code postgres} logs in over TCP with its password (SCRAM), as production
     * servers ask; {@code postgres} is still trusted. Takes effect at once (the running server reloads).
     */
    void requirePasswords() throws IOException, InterruptedException {
        Files.writeString(data.resolve("pg_hba.conf"), "local all all trust\n"
                + "host all postgres 127.0.0.1/32 trust\n"
                + "host all all 127.0.0.1/32 scram-sha-256\n");
        run(true, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "reload");
    }

    /** The loopback port the server listens on. */
    int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, as a multi-host URL lists its servers. */
    String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /** A JDBC URL to this cluster's {@code postgres} database as the {@code postgres} user. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + hostAndPort() + "/postgres?user=postgres";
    }

    /** The server's log, for a failed test to print. */
    String logText() throws IOException {
        return Files.exists(log()) ? name + " (port " + port + ") server log:\n" + Files.readString(log()) : name + ": no server log";
    }

    private Path log() {
        return directory.resolve("server.log");
    }

    /** Stops the server if it runs and deletes its directory. */
    @Override
    public void close() throws IOException {
        try {
            if (running) {
                crash();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping " + name, e);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void run(boolean asServerUser, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asServerUser && AS_POSTGRES_USER) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
        }
    }

    /**
     * Skips a class, before it starts anything, where the server binaries ({@code initdb}, {@code pg_ctl},
     * {@code pg_basebackup}) are missing; fails it in CI.
     */
    static final class ServerBinaries implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean present = Stream.of("initdb", "pg_ctl", "pg_basebackup").allMatch(tool -> Files.isExecutable(BIN.resolve(tool)));
            return PostgresCondition.evaluate(present,
                    "certtrack: no PostgreSQL server binaries in " + BIN + " to start a throwaway cluster");
        }
    }
}
