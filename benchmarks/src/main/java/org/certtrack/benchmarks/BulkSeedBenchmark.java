package org.certtrack.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certtrack.CertTrack;
import org.certtrack.seed.DataSet;
import org.certtrack.seed.SeedResult;
import org.certtrack.seed.Seeder;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Target 1, bulk seeding: the seeder's sized data set (engineers x 2 certificates) on PostgreSQL, against
 * a raw {@code COPY} of exactly the rows it wrote (exported after a first run, so the floor does no row
 * generation at all), with the foreign keys on. Also seeds 1,000,000 engineers in a JVM limited to
 * 256 MB, to show the seeder streams.
 */
final class BulkSeedBenchmark {

    private static final String[] TABLES = {
            "instructors (id, name)",
            "engineers (id, name, specialty, age)",
            "certificates (id, title, expiration_year, engineer_id, instructor_id)"};

    private final int engineers;

    BulkSeedBenchmark(int engineers) {
        this.engineers = engineers;
    }

    List<Result> run(Harness harness, boolean quick) throws Exception {
        DataSet dataSet = DataSet.sized(engineers, 2, Math.max(1, engineers / 50));
        List<Result> results = new ArrayList<>();
        try (BenchmarkDatabase database = BenchmarkDatabase.create();
             CertTrack certTrack = database.certTrack().build()) {
            Seeder seeder = Seeder.of(certTrack).withSeed(42);
            long rows = seeder.seed(dataSet).rows();
            Map<String, byte[]> exported = export(database);
            Harness.Medians medians = harness.compare(
                    () -> seeder.seed(dataSet).elapsed().toNanos() / 1e9,
                    () -> {
                        database.truncate();
                        try (Connection connection = database.connect("")) {
                            long started = System.nanoTime();
                            copyIn(connection, exported);
                            return Harness.secondsSince(started);
                        }
                    });
            results.add(Result.throughput("bulk seeding: " + engineers + " engineers x 2 certificates, Seeder (sized data set)",
                    "rows/s", rows / medians.contender(), "raw COPY of the same rows, foreign keys on", rows / medians.baseline()));
            if (!quick) {
                results.add(seedInSmallHeap(database, 1_000_000, rows / medians.baseline()));
            }
        }
        return results;
    }

    private static Map<String, byte[]> export(BenchmarkDatabase database) throws Exception {
        Map<String, byte[]> exported = new LinkedHashMap<>();
        try (Connection connection = database.connect("")) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : TABLES) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                String name = table.substring(0, table.indexOf(' '));
                copy.copyOut("COPY (SELECT " + columns(table) + " FROM " + name + " ORDER BY id) TO STDOUT", bytes);
                exported.put(table, bytes.toByteArray());
            }
        }
        return exported;
    }

    private static String columns(String table) {
        return table.substring(table.indexOf('(') + 1, table.indexOf(')'));
    }

    private static void copyIn(Connection connection, Map<String, byte[]> exported) throws Exception {
        connection.setAutoCommit(false);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (Map.Entry<String, byte[]> table : exported.entrySet()) {
            copy.copyIn("COPY " + table.getKey() + " FROM STDIN", new ByteArrayInputStream(table.getValue()));
        }
        connection.commit();
    }

    /** Seeds {@code count} engineers from a child JVM with {@code -Xmx256m}; fails if it does not finish. */
    private static Result seedInSmallHeap(BenchmarkDatabase database, int count, double copyRowsPerSecond) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), SmallHeapSeed.class.getName(),
                database.jdbcUrl(""), Integer.toString(count));
        String output = Processes.run(command, Duration.ofMinutes(30), line -> { });
        String last = output.lines().reduce((first, second) -> second).orElse(null);
        if (last == null || !last.startsWith("rows/s ")) {
            throw new IllegalStateException("seeding " + count + " engineers in 256 MB failed:\n" + output);
        }
        return Result.throughput("bulk seeding: " + count + " engineers x 2 certificates in a 256 MB heap (-Xmx256m)",
                "rows/s", Double.parseDouble(last.substring("rows/s ".length())),
                "raw COPY rows/s measured above", copyRowsPerSecond);
    }

    /** Child process: {@code <jdbc url> <engineers>}; prints {@code rows/s N} when done. */
    static final class SmallHeapSeed {
        public static void main(String[] args) {
            try (CertTrack certTrack = CertTrack.builder().url(args[0]).maximumPoolSize(2).build()) {
                int engineers = Integer.parseInt(args[1]);
                SeedResult result = Seeder.of(certTrack).withSeed(42).seed(DataSet.sized(engineers, 2, engineers / 50));
                System.out.println("rows/s " + result.rows() / (result.elapsed().toNanos() / 1e9));
            }
        }
    }
}
