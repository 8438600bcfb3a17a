package org.certtrack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A pg_auto_failover formation of a test's own: a monitor and two nodes, each a cluster that Debian's
 * {@code pg_autoctl} (2.0) creates and runs in a temporary directory on a free loopback port, without TLS, with
 * trust authentication, as the {@code postgres} user when the test runs as root. The monitor checks the nodes'
 * health every second (instead of every 5 s) so that a killed primary is replaced in seconds, not a minute.
 * {@link #close()} stops every process it started, by its id, and deletes the directory.
 */
final class ThrowawayAutoFailover implements AutoCloseable {

    static final Path PG_AUTOCTL = Path.of("/usr/bin/pg_autoctl");

    private static final boolean AS_POSTGRES_USER = "root".equals(System.getProperty("user.name"));

    private final Path directory;
    private final int monitorPort;
    private final Map<String, Integer> nodePorts = new LinkedHashMap<>();
    private final Map<String, Process> running = new LinkedHashMap<>();

    ThrowawayAutoFailover() throws IOException, InterruptedException {
        directory = Files.createTempDirectory("certtrack-autofailover-");
        Files.createDirectories(directory.resolve("run"));
        if (AS_POSTGRES_USER) {
            run("chown", "-R", "postgres", directory.toString());
        }
        monitorPort = freePort();
        nodePorts.put("node1", freePort());
        nodePorts.put("node2", freePort());
    }

    /** Creates and runs the monitor, then the two nodes, and waits (up to 90 s) for a primary and a secondary. */
    void start() throws Exception {
        start("monitor", "create", "monitor", "--pgdata", pgdata("monitor").toString(), "--pgport", String.valueOf(monitorPort),
                "--hostname", "127.0.0.1", "--listen", "127.0.0.1", "--auth", "trust", "--no-ssl", "--run");
        // The monitor's server accepts connections before pg_autoctl has created its extension in them: wait
        // for the table the nodes register in, not for the server.
        awaitTrue(90, "the monitor's pgautofailover.node table", () -> {
            try (Connection monitor = DriverManager.getConnection(monitorJdbcUrl());
                 Statement statement = monitor.createStatement();
                 ResultSet table = statement.executeQuery("SELECT to_regclass('pgautofailover.node') IS NOT NULL")) {
                return table.next() && table.getBoolean(1);
            } catch (SQLException e) {
                return false;
            }
        });
        try (Connection monitor = DriverManager.getConnection(monitorJdbcUrl());
             Statement statement = monitor.createStatement()) {
            statement.execute("ALTER SYSTEM SET pgautofailover.health_check_period = 1000");
            statement.execute("ALTER SYSTEM SET pgautofailover.health_check_timeout = 1000");
            statement.execute("ALTER SYSTEM SET pgautofailover.health_check_max_retries = 1");
            statement.execute("ALTER SYSTEM SET pgautofailover.health_check_retry_delay = 500");
            statement.execute("ALTER SYSTEM SET pgautofailover.node_considered_unhealthy_timeout = 3000");
            statement.execute("SELECT pg_reload_conf()");
        }
        for (String node : nodePorts.keySet()) {
            start(node, "create", "postgres", "--pgdata", pgdata(node).toString(), "--pgport", String.valueOf(nodePorts.get(node)),
                    "--hostname", "127.0.0.1", "--listen", "127.0.0.1", "--auth", "trust", "--no-ssl", "--name", node,
                    "--monitor", "postgres://autoctl_node@127.0.0.1:" + monitorPort + "/pg_auto_failover?sslmode=disable", "--run");
            awaitTrue(90, node + " registered", () -> states().containsKey(node));
        }
        awaitStable(90);
    }

    /** The multi-host URL of the two nodes, for certtrack. */
    String url() {
        StringBuilder hosts = new StringBuilder();
        for (int port : nodePorts.values()) {
            hosts.append(hosts.length() == 0 ? "" : ",").append("127.0.0.1:").append(port);
        }
        return "postgresql://postgres@" + hosts + "/postgres";
    }

    /** The node the monitor reports as primary, or null. */
    String primary() throws SQLException {
        for (Map.Entry<String, String[]> node : states().entrySet()) {
            if ("primary".equals(node.getValue()[0])) {
                return node.getKey();
            }
        }
        return null;
    }

    /** Waits until one node reports primary and the other secondary, each as the monitor assigned it. */
    void awaitStable(int seconds) throws Exception {
        awaitTrue(seconds, "a primary and a secondary, as the monitor assigned", () -> {
            Map<String, String[]> states = states();
            long primaries = states.values().stream().filter(s -> s[0].equals("primary") && s[1].equals("primary")).count();
            long secondaries = states.values().stream().filter(s -> s[0].equals("secondary") && s[1].equals("secondary")).count();
            return primaries == 1 && secondaries == 1;
        });
    }

    /** {@code pg_autoctl perform failover}, which waits (up to 60 s) until the secondary is the primary. */
    void performFailover() throws IOException, InterruptedException {
        run(command("perform", "failover", "--pgdata", pgdata("monitor").toString(), "--wait", "60").toArray(String[]::new));
    }

    /** Kills {@code node} at once: its pg_autoctl processes and its postmaster ({@code SIGKILL}, by their ids). */
    void kill(String node) throws IOException, InterruptedException {
        List<String> pids = new ArrayList<>();
        Process process = running.remove(node);
        if (process != null) {
            process.descendants().forEach(child -> pids.add(String.valueOf(child.pid())));
            pids.add(String.valueOf(process.pid()));
        }
        Path postmaster = pgdata(node).resolve("postmaster.pid");
        if (Files.exists(postmaster)) {
            pids.add(Files.readAllLines(postmaster).get(0).trim());
        }
        List<String> command = new ArrayList<>(List.of("kill", "-KILL"));
        command.addAll(pids);
        new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    }

    /** Runs {@code node} again ({@code pg_autoctl run}): a killed primary rejoins as a secondary. */
    void restart(String node) throws IOException {
        start(node, "run", "--pgdata", pgdata(node).toString());
    }

    /** Every node's reported and assigned state, as the monitor has them. */
    Map<String, String[]> states() throws SQLException {
        Map<String, String[]> states = new LinkedHashMap<>();
        try (Connection monitor = DriverManager.getConnection(monitorJdbcUrl());
             Statement statement = monitor.createStatement();
             ResultSet nodes = statement.executeQuery(
                     "SELECT nodename, reportedstate::text, goalstate::text FROM pgautofailover.node ORDER BY nodeid")) {
            while (nodes.next()) {
                states.put(nodes.getString(1), new String[] {nodes.getString(2), nodes.getString(3)});
            }
        }
        return states;
    }

    /** The processes' output, for a failed test to print. */
    String logText() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : new String[] {"monitor", "node1", "node2"}) {
            Path log = directory.resolve(name + ".log");
            if (Files.exists(log)) {
                text.append(name).append(" (pg_autoctl):\n").append(Files.readString(log)).append('\n');
            }
        }
        return text.toString();
    }

    private String monitorJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + monitorPort + "/pg_auto_failover?user=postgres&connectTimeout=2&socketTimeout=10";
    }

    private Path pgdata(String name) {
        return directory.resolve(name);
    }

    private void start(String name, String... arguments) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(arguments)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(name + ".log").toFile()));
        running.put(name, builder.start());
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        if (AS_POSTGRES_USER) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of("env", "PATH=" + ThrowawayCluster.BIN + ":/usr/bin:/bin",
                "XDG_CONFIG_HOME=" + directory.resolve("config"), "XDG_DATA_HOME=" + directory.resolve("data"),
                "XDG_RUNTIME_DIR=" + directory.resolve("run"), PG_AUTOCTL.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    @Override
    public void close() throws IOException {
        try {
            for (String node : List.copyOf(running.keySet())) {
                if (!node.equals("monitor")) {
                    kill(node);
                }
            }
            kill("monitor");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping pg_auto_failover", e);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void awaitTrue(int seconds, String what, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + seconds + " s");
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** Skips a class where pg_auto_failover is not installed; fails it in CI. */
    static final class Installed implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return PostgresCondition.evaluate(Files.isExecutable(PG_AUTOCTL),
                    "certtrack: no pg_autoctl at " + PG_AUTOCTL + " (apt-get install postgresql-15-auto-failover)");
        }
    }
}
