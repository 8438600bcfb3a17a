package org.certtrack.benchmarks;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.certtrack.CertTrack;
import org.certtrack.seed.DataSet;
import org.certtrack.seed.Seeder;

/**
 * Target 6: {@code GET /instructors} of the example server ({@code java -jar certtrack-examples.jar
 * --serve}, run as a user runs it, on PostgreSQL) under 8 concurrent clients on loopback: requests per
 * second and p99 latency, with no errors allowed. The baseline is the same JDK HTTP server answering the
 * same bytes from memory, the floor of the HTTP stack itself.
 */
final class HttpRoutesBenchmark {

    static final int CLIENTS = 8;
    static final Path EXAMPLES_JAR = Path.of("examples", "target", "certtrack-examples.jar");

    private final Duration duration;

    HttpRoutesBenchmark(Duration duration) {
        this.duration = duration;
    }

    List<Result> run() throws Exception {
        if (!Files.exists(EXAMPLES_JAR)) {
            throw new IllegalStateException(EXAMPLES_JAR + " is missing: run ./mvnw -q -DskipTests package first");
        }
        try (BenchmarkDatabase database = BenchmarkDatabase.create()) {
            try (CertTrack certTrack = database.certTrack().build()) {
                Seeder.of(certTrack).withSeed(42).seed(DataSet.sized(5_000, 2, 100));
            }
            int port = freePort();
            // The server's output goes to a file, not a pipe: a thread still reading a pipe when the process is
            // stopped fails with "Stream closed".
            Path output = Files.createTempFile("certtrack-example-server-", ".log");
            ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", EXAMPLES_JAR.toString(), "--serve", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            command.environment().put("DATABASE_URL", database.jdbcUrl(""));
            Process server = command.start();
            try {
                awaitServing(server, output, "Serving the JSON API");
                URI instructors = URI.create("http://127.0.0.1:" + port + "/instructors");
                byte[] body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(instructors).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                Load certtrack = load(instructors);
                Load floor = staticServer(body);
                String what = "GET /instructors (page of 20 instructors with their engineers), " + CLIENTS + " clients";
                return List.of(
                        Result.throughput(what + ": requests per second, " + certtrack.errors + " errors", "req/s",
                                certtrack.requestsPerSecond(), "JDK HttpServer returning the same bytes from memory",
                                floor.requestsPerSecond()),
                        Result.time(what + ": p99 latency", "ms", certtrack.p99Millis(),
                                "JDK HttpServer returning the same bytes from memory", floor.p99Millis()));
            } finally {
                Processes.stop(server);
                Files.deleteIfExists(output);
            }
        }
    }

    /**
     * Waits until the server prints a line starting with {@code serving}, or fails with its output when it
     * stops first (or after a minute).
     */
    static void awaitServing(Process server, Path output, String serving) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (printed.lines().anyMatch(line -> line.startsWith(serving))) {
                return;
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped before serving:\n" + printed);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not serve within a minute:\n"
                + Files.readString(output, StandardCharsets.UTF_8));
    }

    private Load staticServer(byte[] body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/instructors", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(CLIENTS));
        server.start();
        try {
            return load(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/instructors"));
        } finally {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    /** Warms up for a fifth of the duration, then has 8 clients call {@code uri} back to back for the duration. */
    private Load load(URI uri) throws Exception {
        run(uri, duration.dividedBy(5));
        return run(uri, duration);
    }

    /** Has 8 clients call {@code uri} back to back for {@code length}. */
    static Load run(URI uri, Duration length) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + length.toNanos();
        long started = System.nanoTime();
        try {
            List<Future<long[]>> latencies = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                latencies.add(clients.submit(() -> {
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
                    long[] times = new long[1 << 16];
                    int count = 0;
                    while (System.nanoTime() < deadline && count < times.length) {
                        long sent = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        times[count++] = System.nanoTime() - sent;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                    return Arrays.copyOf(times, count);
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> future : latencies) {
                for (long nanos : future.get()) {
                    all.add(nanos);
                }
            }
            return new Load(all, Harness.secondsSince(started), errors.get());
        } finally {
            clients.shutdownNow();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the clients measured: each request's latency in nanoseconds, how long they ran, how many failed. */
    record Load(List<Long> latencies, double seconds, int errors) {

        /** This load and {@code other} as one, as if run back to back. */
        Load plus(Load other) {
            List<Long> both = new ArrayList<>(latencies);
            both.addAll(other.latencies);
            return new Load(both, seconds + other.seconds, errors + other.errors);
        }

        double requestsPerSecond() {
            return latencies.size() / seconds;
        }

        double p99Millis() {
            List<Long> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
        }
    }
}
