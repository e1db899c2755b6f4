package com.keyaccount.crm.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A deployment that puts the management port on the application's port (CRM_MANAGEMENT_PORT set
 * to it, or empty) still shows the world only health: metrics and info are refused there, also to
 * an administrator, since that port is the one the proxy forwards.
 */
@SpringBootTest(properties = "management.server.port=")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext // a context of its own: closed after, so its connections do not add to the suite's
class SharedManagementPortTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;

    SharedManagementPortTest(MockMvc mvc, Fixtures fixtures) {
        this.mvc = mvc;
        this.fixtures = fixtures;
    }

    @Test
    void on_the_applications_port_only_health_answers() throws Exception {
        assertThat(mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        for (String path : List.of("/actuator/prometheus", "/actuator/info")) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as("anonymous " + path)
                    .isIn(401, 403);
            assertThat(mvc.perform(get(path).with(user(Fixtures.principal(fixtures.user(Role.ADMIN))))).andReturn()
                    .getResponse().getStatus()).as("admin " + path).isIn(401, 403);
        }
    }
}
