package org.certtrack.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.certtrack.CertTrack;
import org.certtrack.Migrations;
import org.flywaydb.core.Flyway;

/**
 * Target 5, cold start: from JVM start to the first query result on a new embedded database, migrations
 * included. Each trial launches a fresh JVM running {@link #main} in one of two modes, and the parent
 * times it until the child prints its result.
 */
final class ColdStart {

    /** The longest one cold start may take, as a child JVM, before it is killed. */
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private static final String READY = "first query result: ";

    private ColdStart() {
    }

    /** Child process: {@code certtrack|jdbc <database path>}. */
    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[1]);
        long engineers;
        if (args[0].equals("certtrack")) {
            try (CertTrack certTrack = CertTrack.builder().embedded(path).build()) {
                engineers = certTrack.inTransaction(work -> work.engineers().count());
                System.out.println(READY + engineers);
            }
        } else {
            String url = "jdbc:h2:file:" + path.toAbsolutePath();
            Flyway.configure().dataSource(url, "sa", null).locations(Migrations.LOCATION).table(Migrations.HISTORY_TABLE)
                    .load().migrate();
            try (Connection connection = DriverManager.getConnection(url, "sa", null);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM engineers")) {
                rows.next();
                System.out.println(READY + rows.getLong(1));
            }
        }
    }

    static Result run(Harness harness) throws Exception {
        Harness.Medians medians = harness.compare(() -> launch("certtrack"), () -> launch("jdbc"));
        return Result.time("cold start to first query, embedded H2, migrations included", "ms",
                medians.contender() * 1000, "plain JDBC + Flyway", medians.baseline() * 1000);
    }

    /**
     * certtrack beside the Spring Boot peer ({@code java -jar} its jar: Spring Boot, Flyway running certtrack's
     * migrations, Hibernate through Spring Data JPA, then its first query), each in a fresh JVM.
     */
    static Result againstPeer(Harness harness) throws Exception {
        Harness.Medians medians = harness.compare(() -> launch("certtrack"), () -> launch("peer"));
        return Result.time("vs peer: cold start to first query, embedded H2, migrations included", "ms",
                medians.contender() * 1000, "peer: Spring Boot + Flyway + Spring Data JPA, java -jar", medians.baseline() * 1000);
    }

    private static double launch(String mode) throws Exception {
        Path directory = Files.createTempDirectory("certtrack-cold-start");
        try {
            String database = directory.resolve("db").toString();
            List<String> command = mode.equals("peer") ? PeerProcess.command("cold-start", database) : new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    ColdStart.class.getName(), mode, database));
            long started = System.nanoTime();
            double[] seconds = {-1};
            String output = Processes.run(command, LIMIT, line -> {
                if (seconds[0] < 0 && line.startsWith(READY)) {
                    seconds[0] = Harness.secondsSince(started);
                }
            });
            if (seconds[0] < 0) {
                throw new IllegalStateException("cold start in mode " + mode + " never printed " + READY + ":\n" + output);
            }
            return seconds[0];
        } finally {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
