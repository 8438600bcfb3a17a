package org.certtrack.spring.app;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.allOf;

import org.certtrack.EngineerRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An application with Actuator and the starter, asked over HTTP (MockMvc): certtrack's migrations in
 * {@code /actuator/flyway} beside the application's, its schema in {@code /actuator/health}, and its
 * repositories' observations as a {@code certtrack.repository} timer in {@code /actuator/metrics}.
 */
@SpringBootTest(classes = NotesApplication.class, properties = {
        "management.endpoints.web.exposure.include=flyway,health,metrics",
        "management.endpoint.health.show-details=always"})
@AutoConfigureMockMvc
class ActuatorOverHttpTest {

    @Autowired
    MockMvc http;
    @Autowired
    EngineerRepository engineers;

    @Test
    void flywayListsCertTracksMigrationsAndTheApplications() throws Exception {
        http.perform(get("/actuator/flyway")).andExpect(status().isOk())
                .andExpect(jsonPath("$.contexts.*.flywayBeans.certTrackFlyway.migrations[*].script",
                        hasItem("V8__row_triggers_only_when_needed.sql")))
                .andExpect(jsonPath("$.contexts.*.flywayBeans.flyway.migrations[*].script", hasItem("V1__create_notes.sql")));
    }

    @Test
    void healthShowsCertTracksSchema() throws Exception {
        http.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.certtrack.status").value("UP"))
                .andExpect(jsonPath("$.components.certtrack.details.version").value("8"))
                .andExpect(jsonPath("$.components.certtrack.details.schema").value("matches its migrations"));
    }

    @Test
    void repositoryCallsAreTimed() throws Exception {
        engineers.count();

        http.perform(get("/actuator/metrics/certtrack.repository")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("\"repository\""), containsString("EngineerRepository"),
                        containsString("\"method\""), containsString("count"))));
    }
}
