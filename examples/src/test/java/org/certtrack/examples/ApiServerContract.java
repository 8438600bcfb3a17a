package org.certtrack.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.certtrack.seed.junit.StatementCounter;
import org.certtrack.CertTrack;
import org.certtrack.PageRequest;
import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API over real HTTP, on a free port: {@link ApiServerTest} runs it on H2, {@link ApiServerIT}
 * on PostgreSQL. Every test reads; one class-wide data set, made through the entities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiServerContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StatementCounter statements = new StatementCounter();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestDatabase database;
    private CertTrack certTrack;
    private ApiServer server;
    private long adaId;
    private long linusId;
    private long graceId;
    private long awsId;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void start() throws IOException {
        database = openDatabase();
        certTrack = CertTrack.builder().url(database.url()).maximumPoolSize(4)
                .property("hibernate.session_factory.statement_inspector", statements)
                .build();
        certTrack.useTransaction(work -> {
            Instructor grace = new Instructor("Grace Hopper");
            Engineer ada = new Engineer("Ada Lovelace", "backend", 36);
            Engineer linus = new Engineer("Linus Torvalds", "devops", 55);
            grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
            grace.addCertificate(ada.addCertificate(new Certificate("Azure", 2028)));
            grace.addCertificate(linus.addCertificate(new Certificate("Github", 2026)));
            work.engineers().add(ada);
            work.engineers().add(linus);
            work.instructors().add(new Instructor("Alan Turing"));
        });
        certTrack.useTransaction(work -> {
            adaId = work.engineers().findByNameContaining("Ada", PageRequest.first()).get(0).getId();
            linusId = work.engineers().findByNameContaining("Linus", PageRequest.first()).get(0).getId();
            graceId = work.instructors().findByNameContaining("Grace", PageRequest.first()).get(0).getId();
            awsId = work.certificates().findByEngineerId(adaId, PageRequest.first()).get(0).getId();
        });
        server = ApiServer.start(certTrack, 0);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (certTrack != null) {
            certTrack.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anEngineerComesWithTheirCertificates() {
        JsonNode ada = getOk("/engineers/" + adaId);
        assertThat(ada.get("id").asLong()).isEqualTo(adaId);
        assertThat(ada.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(ada.get("specialty").asString()).isEqualTo("backend");
        assertThat(ada.get("age").asInt()).isEqualTo(36);
        assertThat(ada.get("certificates")).hasSize(2);
        JsonNode aws = ada.get("certificates").get(0);
        assertThat(aws.get("id").asLong()).isEqualTo(awsId);
        assertThat(aws.get("title").asString()).isEqualTo("AWS");
        assertThat(aws.get("expiration_year").asInt()).isEqualTo(2027);
        assertThat(names(ada)).as("exactly the fields of the original app")
                .containsExactly("id", "name", "specialty", "age", "certificates");
    }

    @Test
    void theEngineerListIsAPageOrderedByName() {
        JsonNode all = getOk("/engineers");
        assertThat(all.isArray()).isTrue();
        assertThat(all.valueStream().map(e -> e.get("name").asString()))
                .containsExactly("Ada Lovelace", "Linus Torvalds");
        assertThat(all.get(1).get("certificates").get(0).get("title").asString()).isEqualTo("Github");

        JsonNode second = getOk("/engineers?page=1&size=1");
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("id").asLong()).isEqualTo(linusId);
        assertThat(getOk("/engineers?page=2&size=1")).as("past the last page").isEmpty();
    }

    @Test
    void certificatesHaveIdTitleAndExpirationYear() {
        JsonNode aws = getOk("/certificates/" + awsId);
        assertThat(names(aws)).containsExactly("id", "title", "expiration_year");
        assertThat(aws.get("title").asString()).isEqualTo("AWS");
        assertThat(getOk("/certificates?size=500").valueStream().map(c -> c.get("title").asString()))
                .containsExactly("AWS", "Azure", "Github");
    }

    @Test
    void anInstructorListsEachEngineerOnceWithIsoTimestamps() {
        JsonNode grace = getOk("/instructors/" + graceId);
        assertThat(names(grace)).containsExactly("id", "name", "created_at", "updated_at", "engineers");
        assertThat(grace.get("engineers").valueStream().map(e -> e.get("name").asString()))
                .as("Ada holds two of Grace's certificates but is listed once")
                .containsExactly("Ada Lovelace", "Linus Torvalds");
        Instant created = Instant.parse(grace.get("created_at").asString());
        assertThat(created).isBetween(Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(60));
        assertThat(Instant.parse(grace.get("updated_at").asString())).isAfterOrEqualTo(created);

        JsonNode all = getOk("/instructors");
        assertThat(all.valueStream().map(i -> i.get("name").asString())).containsExactly("Alan Turing", "Grace Hopper");
        assertThat(all.get(0).get("engineers")).as("Alan issued nothing").isEmpty();
        assertThat(all.get(1).get("engineers")).hasSize(2);
    }

    @Test
    void theInstructorListIsByteForByteWhatTheRepositoryRowsWouldSerializeTo() {
        // GET /instructors writes its rows straight to JSON (InstructorPageJson); it must stay the records' JSON.
        JsonMapper records = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        List<Long> added = addEngineersWithInstructors(3);
        try {
            Map<String, PageRequest> pages = Map.of("", PageRequest.first(), "?size=1", PageRequest.of(0, 1),
                    "?page=1&size=2", PageRequest.of(1, 2), "?page=2&size=2", PageRequest.of(2, 2),
                    "?size=500", PageRequest.of(0, 500), "?page=99", PageRequest.of(99, PageRequest.DEFAULT_SIZE));
            pages.forEach((query, page) -> {
                String expected = certTrack.read(work -> records.writeValueAsString(
                        work.instructors().findRowsWithEngineers(page).stream().map(ApiJson.InstructorJson::of).toList()));
                HttpResponse<String> response = get("/instructors" + query);
                assertThat(response.statusCode()).as("GET /instructors" + query).isEqualTo(200);
                assertThat(response.body()).as("GET /instructors" + query + " against the repository's rows as records")
                        .isEqualTo(expected);
            });
        } finally {
            certTrack.useTransaction(work -> added.forEach(id -> {
                work.engineers().delete(work.engineers().findById(id).orElseThrow());
                work.instructors().findByNameContaining("Instructor " + id, PageRequest.first()).forEach(work.instructors()::delete);
            }));
        }
    }

    @Test
    void unknownAndNonNumericIdsAnswer404WithAJsonMessage() {
        for (String path : List.of("/engineers/999999", "/engineers/abc", "/certificates/-1", "/instructors/1x",
                "/instructors/99999999999999999999", "/nothing", "/engineers/1/certificates", "/", "/debug")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).contains("application/json");
            assertThat(JSON.readTree(response.body()).get("message").asString()).as(path).isEqualTo("404 Not Found");
        }
    }

    @Test
    void badPagingAnswers400NamingTheParameter() {
        assertBadRequest("/engineers?size=501", "size must be between 1 and 500, but was 501");
        assertBadRequest("/certificates?size=0", "size must be between 1 and 500, but was 0");
        assertBadRequest("/instructors?page=-1", "page must be between 0 and 4294967, but was -1");
        assertBadRequest("/engineers?page=first", "page must be a whole number, but was \"first\"");
        assertBadRequest("/engineers?page=1&page=2", "page must be given once, but was \"1 and 2\"");
    }

    @Test
    void onlyReadingIsAllowed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/engineers"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
        assertThat(send("DELETE", "/engineers/abc").statusCode()).as("DELETE of a path no route has").isEqualTo(404);
    }

    @Test
    void headAnswersWhatGetWouldWithoutABodyAndWithoutAWarning() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jdkServerLog = Logger.getLogger("com.sun.net.httpserver");
        jdkServerLog.addHandler(recorder);
        try {
            for (String path : List.of("/engineers", "/engineers/" + adaId, "/instructors?size=1", "/engineers/999999",
                    "/engineers?size=0")) {
                HttpResponse<String> get = get(path);
                HttpResponse<String> head = send("HEAD", path);
                assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
                assertThat(head.body()).as("HEAD " + path + " body").isEmpty();
                assertThat(head.headers().firstValue("Content-Type")).as("HEAD " + path).contains("application/json");
                assertThat(head.headers().firstValueAsLong("Content-Length")).as("HEAD " + path + " Content-Length")
                        .hasValue(get.body().getBytes(StandardCharsets.UTF_8).length);
            }
        } finally {
            jdkServerLog.removeHandler(recorder);
        }
        assertThat(warnings).as("the JDK's HTTP server logged a warning for a HEAD request")
                .extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void optionsAnswersNoContentWithTheAllowedMethods() {
        for (String path : List.of("/engineers", "/engineers/" + adaId, "/certificates/", "/instructors/999999")) {
            HttpResponse<String> response = send("OPTIONS", path);
            assertThat(response.statusCode()).as("OPTIONS " + path).isEqualTo(204);
            assertThat(response.headers().firstValue("Allow")).as("OPTIONS " + path).contains("GET, HEAD, OPTIONS");
            assertThat(response.body()).as("OPTIONS " + path).isEmpty();
        }
        assertThat(send("OPTIONS", "/debug").statusCode()).as("OPTIONS of a path no route has").isEqualTo(404);
    }

    @Test
    void oneTrailingSlashNamesTheSameResource() {
        assertThat(getOk("/engineers/")).isEqualTo(getOk("/engineers"));
        assertThat(getOk("/engineers/" + adaId + "/")).isEqualTo(getOk("/engineers/" + adaId));
        assertThat(getOk("/certificates/?size=1")).isEqualTo(getOk("/certificates?size=1"));
        assertThat(get("/engineers//").statusCode()).as("two slashes").isEqualTo(404);
    }

    @Test
    void aListRequestIssuesTheSameFewStatementsWhateverTheDataSize() {
        int engineersBefore = statements.during(() -> getOk("/engineers?size=500"));
        int instructorsBefore = statements.during(() -> getOk("/instructors?size=500"));
        int certificatesBefore = statements.during(() -> getOk("/certificates?size=500"));
        List<Long> added = addEngineersWithInstructors(60);
        try {
            int engineersAfter = statements.during(() -> assertThat(getOk("/engineers?size=500")).hasSize(62));
            int instructorsAfter = statements.during(() -> assertThat(getOk("/instructors?size=500")).hasSize(62));
            int certificatesAfter = statements.during(() -> assertThat(getOk("/certificates?size=500")).hasSize(123));
            assertThat(engineersAfter).as("GET /engineers statements, 2 vs 62 engineers")
                    .isEqualTo(engineersBefore).isLessThanOrEqualTo(2);
            // GET /instructors runs its one statement on the unit of work's connection (InstructorPageJson),
            // which Hibernate's statement inspector does not see: nothing may go through Hibernate.
            assertThat(instructorsAfter).as("GET /instructors statements through Hibernate, 2 vs 62 instructors")
                    .isEqualTo(instructorsBefore).isZero();
            assertThat(certificatesAfter).as("GET /certificates statements").isEqualTo(certificatesBefore).isEqualTo(1);
            assertThat(statements.during(() -> getOk("/instructors/" + graceId))).as("GET /instructors/{id}").isEqualTo(2);
            assertThat(statements.during(() -> getOk("/engineers/" + adaId))).as("GET /engineers/{id}").isEqualTo(1);
        } finally {
            certTrack.useTransaction(work -> added.forEach(id -> {
                work.engineers().delete(work.engineers().findById(id).orElseThrow());
                work.instructors().findByNameContaining("Instructor " + id, PageRequest.first()).forEach(work.instructors()::delete);
            }));
        }
    }

    @Test
    void afterCloseThePortNoLongerAnswers() throws IOException {
        ApiServer extra = ApiServer.start(certTrack, 0);
        URI uri = URI.create(extra.baseUrl() + "/engineers");
        assertThat(send(uri).statusCode()).isEqualTo(200);
        extra.close();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
        assertThat(send(uri("/certificates")).statusCode()).as("closing a server leaves certtrack open").isEqualTo(200);
    }

    private List<Long> addEngineersWithInstructors(int count) {
        return certTrack.inTransaction(work -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Engineer engineer = new Engineer("Engineer " + (100 + i), "backend", 30);
                engineer.addCertificate(new Certificate("Cert " + i, 2030));
                work.engineers().add(engineer);
                work.flush();
                Instructor instructor = work.instructors().add(new Instructor("Instructor " + engineer.getId()));
                instructor.addCertificate(engineer.addCertificate(new Certificate("Issued " + i, 2031)));
                work.flush();
                ids.add(engineer.getId());
            }
            return ids;
        });
    }

    private void assertBadRequest(String path, String message) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").asString()).as(path).startsWith(message);
    }

    private JsonNode getOk(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("GET " + path + " answered " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) {
        return send(uri(path));
    }

    private HttpResponse<String> send(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build());
    }

    private HttpResponse<String> send(String method, String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
