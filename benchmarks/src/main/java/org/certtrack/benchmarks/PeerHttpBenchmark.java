package org.certtrack.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /instructors} (a page of 20 with their engineers) from certtrack's example server beside the
 * same route of the Spring Boot peer, both running as separate processes on the same database, 8 clients,
 * runs alternating. Before timing, both must answer byte-identical JSON for the same pages.
 */
final class PeerHttpBenchmark {

    private static final int ROUNDS = 3;
    /** Pages both servers must answer alike, as {@code page, size}. */
    private static final int[][] CHECKED_PAGES = {{0, 20}, {1, 20}, {7, 20}, {2, 100}, {100_000, 20}};

    private final int instructors;
    private final int engineers;
    private final Duration duration;

    PeerHttpBenchmark(int instructors, int engineers, Duration duration) {
        this.instructors = instructors;
        this.engineers = engineers;
        this.duration = duration;
    }

    List<Result> run() throws Exception {
        if (!Files.exists(HttpRoutesBenchmark.EXAMPLES_JAR)) {
            throw new IllegalStateException(HttpRoutesBenchmark.EXAMPLES_JAR + " is missing: run ./mvnw -q -DskipTests package first");
        }
        List<Process> servers = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        try (BenchmarkDatabase database = BenchmarkDatabase.create()) {
            int pairs;
            try (Connection connection = database.connect("")) {
                new CopyLoader(engineers, 5, instructors).load(connection);
            }
            database.analyze();
            try (Connection connection = database.connect("")) {
                pairs = InstructorsWithEngineersBenchmark.readWithJdbc(connection).stream().mapToInt(i -> i.engineers().size()).sum();
            }
            int certtrackPort = HttpRoutesBenchmark.freePort();
            ProcessBuilder certtrackServer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", HttpRoutesBenchmark.EXAMPLES_JAR.toString(), "--serve", Integer.toString(certtrackPort));
            certtrackServer.environment().put("DATABASE_URL", database.jdbcUrl(""));
            int peerPort = HttpRoutesBenchmark.freePort();
            ProcessBuilder peerServer = new ProcessBuilder(PeerProcess.command("serve", "--server.port=" + peerPort,
                    "--spring.datasource.url=" + database.jdbcUrl("reWriteBatchedInserts=true")));
            start(certtrackServer, "Serving the JSON API", servers, logs);
            start(peerServer, "Serving GET /instructors", servers, logs);

            URI certtrack = URI.create("http://127.0.0.1:" + certtrackPort + "/instructors");
            URI peer = URI.create("http://127.0.0.1:" + peerPort + "/instructors");
            HttpClient client = HttpClient.newHttpClient();
            for (int[] page : CHECKED_PAGES) {
                String query = "?page=" + page[0] + "&size=" + page[1];
                PeerRows.requireSameBytes("GET /instructors" + query, get(client, certtrack, query), get(client, peer, query));
            }

            HttpRoutesBenchmark.run(peer, duration.dividedBy(5));
            HttpRoutesBenchmark.run(certtrack, duration.dividedBy(5));
            HttpRoutesBenchmark.Load certtrackLoad = null;
            HttpRoutesBenchmark.Load peerLoad = null;
            for (int round = 0; round < ROUNDS; round++) {
                HttpRoutesBenchmark.Load first = HttpRoutesBenchmark.run(round % 2 == 0 ? peer : certtrack, duration);
                HttpRoutesBenchmark.Load second = HttpRoutesBenchmark.run(round % 2 == 0 ? certtrack : peer, duration);
                HttpRoutesBenchmark.Load certtrackRound = round % 2 == 0 ? second : first;
                HttpRoutesBenchmark.Load peerRound = round % 2 == 0 ? first : second;
                certtrackLoad = certtrackLoad == null ? certtrackRound : certtrackLoad.plus(certtrackRound);
                peerLoad = peerLoad == null ? peerRound : peerLoad.plus(peerRound);
            }
            String what = "vs peer: GET /instructors (page of 20 with their engineers, " + instructors + " instructors, "
                    + pairs + " pairs), " + HttpRoutesBenchmark.CLIENTS + " clients";
            String baseline = "peer: Spring Boot, Spring MVC + @EntityGraph";
            return List.of(
                    Result.throughput(what + ": requests per second, " + certtrackLoad.errors() + " errors (peer "
                                    + peerLoad.errors() + ")", "req/s", certtrackLoad.requestsPerSecond(), baseline,
                            peerLoad.requestsPerSecond()),
                    Result.time(what + ": p99 latency", "ms", certtrackLoad.p99Millis(), baseline, peerLoad.p99Millis()));
        } finally {
            for (Process server : servers) {
                Processes.stop(server);
            }
            for (Path log : logs) {
                Files.deleteIfExists(log);
            }
        }
    }

    private static void start(ProcessBuilder command, String serving, List<Process> servers, List<Path> logs) throws Exception {
        // Output to a file, not a pipe: a thread still reading a pipe when the process is stopped fails.
        Path log = Files.createTempFile("certtrack-server-", ".log");
        logs.add(log);
        Process server = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        servers.add(server);
        HttpRoutesBenchmark.awaitServing(server, log, serving);
    }

    private static byte[] get(HttpClient client, URI route, String query) throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(route + query)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        InstructorsWithEngineersBenchmark.check(response.statusCode() == 200,
                "GET " + route + query + " answered " + response.statusCode());
        return response.body();
    }
}
