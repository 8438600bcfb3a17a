package org.certtrack.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The peer's {@code GET /instructors} on H2 (migrated by Flyway from certtrack's scripts, as in the peer's
 * cold start): the JSON shape the benchmark requires to be byte-identical to certtrack's example server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:peer-api;DB_CLOSE_DELAY=-1",
        "spring.flyway.enabled=true"})
class InstructorApiTest {

    private static final String AT = "TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05.123456+00'";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Environment environment;

    @BeforeEach
    void twoInstructorsOneSharedEngineer() {
        jdbc.sql("DELETE FROM certificates").update();
        jdbc.sql("DELETE FROM engineers").update();
        jdbc.sql("DELETE FROM instructors").update();
        jdbc.sql("INSERT INTO instructors (id, name, created_at, updated_at) VALUES (7, 'Grace', " + AT + ", " + AT + ")").update();
        jdbc.sql("INSERT INTO instructors (id, name, created_at, updated_at) VALUES (3, 'Linus', " + AT + ", " + AT + ")").update();
        jdbc.sql("INSERT INTO engineers (id, name, specialty, age) VALUES (11, 'Bob', 'devops', 40), (12, 'Ada', 'backend', 36)").update();
        // Ada holds two certificates from Grace: she is listed once, before Bob.
        jdbc.sql("""
                INSERT INTO certificates (id, title, expiration_year, engineer_id, instructor_id) VALUES
                    (21, 'AWS', 2030, 11, 7), (22, 'Azure', 2030, 12, 7), (23, 'Github', 2031, 12, 7)""").update();
    }

    @Test
    void listsInstructorsByNameEachEngineerOnceByNameInSnakeCase() throws Exception {
        String timestamps = "\"created_at\":\"2024-01-02T03:04:05.123456Z\",\"updated_at\":\"2024-01-02T03:04:05.123456Z\"";
        assertThat(get("/instructors?page=0&size=20"))
                .as("the peer's JSON, which must match certtrack's example server byte for byte")
                .isEqualTo("[{\"id\":7,\"name\":\"Grace\"," + timestamps + ",\"engineers\":["
                        + "{\"id\":12,\"name\":\"Ada\",\"specialty\":\"backend\",\"age\":36},"
                        + "{\"id\":11,\"name\":\"Bob\",\"specialty\":\"devops\",\"age\":40}]},"
                        + "{\"id\":3,\"name\":\"Linus\"," + timestamps + ",\"engineers\":[]}]");
    }

    @Test
    void pagesByNameAndAnswersAnEmptyListPastTheEnd() throws Exception {
        assertThat(get("/instructors?page=1&size=1")).as("the second page of one").startsWith("[{\"id\":3,\"name\":\"Linus\"");
        assertThat(get("/instructors?page=5&size=20")).as("a page past the end").isEqualTo("[]");
    }

    private String get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of GET " + path).isEqualTo(200);
        return response.body();
    }
}
