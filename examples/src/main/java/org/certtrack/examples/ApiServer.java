package org.certtrack.examples;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.certtrack.CertTrack;
import org.certtrack.InvalidValueException;
import org.certtrack.PageRequest;
import org.certtrack.UnitOfWork;
import org.certtrack.examples.ApiJson.CertificateJson;
import org.certtrack.examples.ApiJson.EngineerJson;
import org.certtrack.examples.ApiJson.InstructorJson;
import org.certtrack.examples.ApiJson.MessageJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The original app's read-only JSON API over certtrack's repositories, on the JDK's own HTTP server:
 *
 * <pre>
 * GET /engineers[?page=P&amp;size=S]     GET /engineers/{id}      {id, name, specialty, age, certificates: [{id, title, expiration_year}]}
 * GET /certificates[?page=P&amp;size=S]  GET /certificates/{id}   {id, title, expiration_year}
 * GET /instructors[?page=P&amp;size=S]   GET /instructors/{id}    {id, name, created_at, updated_at, engineers: [{id, name, specialty, age}]}
 * </pre>
 *
 * <p>Lists answer a JSON array: page {@code page} (zero-based, default 0) of {@code size} rows (1 to
 * {@value PageRequest#MAX_SIZE}, default {@value PageRequest#DEFAULT_SIZE}); a bad value answers 400. Every
 * request reads in one transaction and issues at most 2 SQL statements, however much data there is. An
 * unknown or non-numeric id answers 404 {@code {"message": "404 Not Found"}}. A path may end in one {@code /}
 * ({@code /engineers/} is {@code /engineers}). {@code HEAD} answers what {@code GET} would, without the body;
 * {@code OPTIONS} answers 204 with {@code Allow: GET, HEAD, OPTIONS}; any other method 405 with the same
 * {@code Allow}.
 */
final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final int THREADS = 8;
    private static final MessageJson NOT_FOUND = new MessageJson("404 Not Found");
    /** What every route answers, in the order of the {@code Allow} header. */
    private static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    /** The answer to {@code OPTIONS}: no body, the methods in {@code Allow}. */
    private static final Reply NO_CONTENT = new Reply(204, null);

    private final CertTrack certTrack;
    private final ObjectMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private final Map<String, Resource> resources = Map.of(
            "engineers", new Resource(
                    (work, page) -> json.writeValueAsBytes(work.engineers().findAllWithCertificates(page).stream().map(EngineerJson::of).toList()),
                    (work, id) -> work.engineers().findByIdWithCertificates(id).map(EngineerJson::of)),
            "certificates", new Resource(
                    (work, page) -> json.writeValueAsBytes(work.certificates().findAll(page).stream().map(CertificateJson::of).toList()),
                    (work, id) -> work.certificates().findById(id).map(CertificateJson::of)),
            "instructors", new Resource(
                    // The listing's rows straight from one join into the JSON writer: see InstructorPageJson.
                    (work, page) -> InstructorPageJson.write(work, page, json),
                    (work, id) -> work.instructors().findById(id).map(instructor -> InstructorJson.of(instructor,
                            work.engineers().findByInstructorId(id, PageRequest.first(PageRequest.MAX_SIZE))))));
    private final HttpServer server;
    private final ExecutorService executor;

    private ApiServer(CertTrack certTrack, int port) throws IOException {
        this.certTrack = requireNonNull(certTrack, "certTrack");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, task -> new Thread(task, "certtrack-http-" + threads.incrementAndGet()));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves certtrack's data on {@code port} of the loopback address (0: a free port) until closed.
     * Closing the server does not close {@code certTrack}.
     *
     * @throws IOException if the port cannot be bound
     */
    static ApiServer start(CertTrack certTrack, int port) throws IOException {
        return new ApiServer(certTrack, port);
    }

    /** The port the server listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, such as {@code http://127.0.0.1:5555}. */
    String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** Stops accepting requests, lets those under way finish (for up to a second), and stops the threads. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = route(exchange);
        } catch (RuntimeException e) {
            log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            reply = new Reply(500, new MessageJson("500 Internal Server Error"));
        }
        Headers headers = exchange.getResponseHeaders();
        if (reply.status() == 405 || reply.status() == 204) {
            headers.set("Allow", ALLOWED_METHODS);
        }
        try (exchange) {
            if (reply.status() == 204) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            byte[] body = reply.body() instanceof byte[] written ? written : json.writeValueAsBytes(reply.body());
            headers.set("Content-Type", "application/json");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                // The length a GET would send, but no body: the JDK warns when it is passed a length for a HEAD.
                headers.set("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(reply.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Reply route(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] segments = path.substring(1).split("/", -1);
        Resource resource = resources.get(segments[0]);
        if (resource == null || segments.length > 2) {
            return new Reply(404, NOT_FOUND);
        }
        Optional<Long> id = segments.length == 2 ? idOf(segments[1]) : Optional.empty();
        if (segments.length == 2 && id.isEmpty()) {
            return new Reply(404, NOT_FOUND);
        }
        switch (exchange.getRequestMethod()) {
            case "GET", "HEAD":
                break;
            case "OPTIONS":
                return NO_CONTENT;
            default:
                return new Reply(405, new MessageJson("405 Method Not Allowed: this API only reads (" + ALLOWED_METHODS + ")"));
        }
        if (id.isEmpty()) {
            PageRequest page;
            try {
                page = pageOf(exchange.getRequestURI().getRawQuery());
            } catch (InvalidValueException e) {
                // PageRequest names its components PageRequest.page and PageRequest.size: the query's parameters.
                return new Reply(400, new MessageJson(e.getMessage().substring(e.field().indexOf('.') + 1)));
            }
            return new Reply(200, certTrack.read(work -> resource.list().apply(work, page)));
        }
        Optional<?> found = certTrack.read(work -> resource.find().apply(work, id.get()));
        return found.<Reply>map(body -> new Reply(200, body)).orElseGet(() -> new Reply(404, NOT_FOUND));
    }

    private static Optional<Long> idOf(String segment) {
        if (segment.isEmpty() || segment.length() > 18 || !segment.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(segment));
    }

    private static PageRequest pageOf(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                String previous = parameters.put(name, value);
                if (previous != null && (name.equals("page") || name.equals("size"))) {
                    throw new InvalidValueException("PageRequest." + name, "must be given once", previous + " and " + value);
                }
            }
        }
        // PageRequest checks the bounds.
        return PageRequest.of(intParameter(parameters, "page", 0), intParameter(parameters, "size", PageRequest.DEFAULT_SIZE));
    }

    private static int intParameter(Map<String, String> parameters, String name, int absent) {
        String value = parameters.get(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("PageRequest." + name, "must be a whole number", value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("PageRequest.query", "must be valid URL encoding", text);
        }
    }

    /**
     * How one resource lists a page, as the JSON bytes of the answer (written inside the unit of work, so a list
     * can go from the rows to JSON without records), and finds one by id, as a JSON record.
     */
    private record Resource(BiFunction<UnitOfWork, PageRequest, byte[]> list,
                            BiFunction<UnitOfWork, Long, Optional<?>> find) {
    }

    /**
     * A status and the record Jackson writes as its body, or the body already written as JSON bytes; no body
     * ({@code null}) only with 204.
     */
    private record Reply(int status, Object body) {
    }
}
