package com.keyaccount.crm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ERP API's contract: the one springdoc generates from the controllers must be the committed
 * {@code docs/openapi.yaml} (what integrators read, and what /docs/openapi.yaml serves where the
 * generator is off), and only administrators may read the generated one and its Swagger UI.
 */
@FullStackTest
class ApiContractTest {

    /** {@code -Dcrm.openapi.write=true} rewrites docs/openapi.yaml from the controllers. */
    static final String WRITE = "crm.openapi.write";
    private static final String REGENERATE = "./mvnw -o verify -pl crm-app -am -Dtest=ApiContractTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true";

    private final MockMvc mvc;
    private final Fixtures fixtures;

    ApiContractTest(MockMvc mvc, Fixtures fixtures) {
        this.mvc = mvc;
        this.fixtures = fixtures;
    }

    @Test
    void the_committed_contract_is_the_one_the_controllers_generate() throws Exception {
        String generated = asAdmin("/v3/api-docs.yaml").getContentAsString(StandardCharsets.UTF_8);
        Path committed = committedContract();
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.exists(committed) ? lines(Files.readString(committed, StandardCharsets.UTF_8))
                : List.of();
        List<String> actual = lines(generated);
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(end of file)";
            String got = i < actual.size() ? actual.get(i) : "(end of file)";
            if (!want.equals(got)) {
                fail("""
                        docs/openapi.yaml is not the contract the API's controllers generate; first difference at \
                        line %d:
                          committed: %s
                          generated: %s
                        If the API was meant to change, rewrite the file and commit it:
                          %s""".formatted(i + 1, want, got, REGENERATE));
            }
        }
    }

    @Test
    void the_contract_covers_the_erp_api_only_with_its_errors_as_problems() throws Exception {
        JsonNode contract = JsonMapper.shared().readTree(asAdmin("/v3/api-docs").getContentAsString(
                StandardCharsets.UTF_8));
        List<String> paths = contract.path("paths").propertyNames().stream().toList();
        assertThat(paths).containsExactlyInAnyOrder("/api/v1/orders", "/api/v1/complaints", "/api/v1/customers/tiers",
                "/api/v1/customers/{code}/tier", "/api/v1/tiers");
        JsonNode push = contract.path("paths").path("/api/v1/orders").path("post");
        assertThat(push.path("summary").asString()).isNotBlank();
        assertThat(push.path("responses").propertyNames()).contains("200", "400", "401", "409", "413", "415", "429",
                "500", "503");
        assertThat(push.path("responses").path("400").path("content").path("application/problem+json")
                .path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(contract.path("components").path("schemas").path("Problem").path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(contract.path("components").path("schemas").path("ComplaintRequest").path("properties")
                .path("severity").path("enum").toString()).contains("CRITICAL");
    }

    @Test
    void only_administrators_read_the_generated_contract_and_its_swagger_ui() throws Exception {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/index.html")) {
            MockHttpServletResponse anonymous = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(anonymous.getRedirectedUrl()).as(path).contains("/login");
            for (Role role : List.of(Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR)) {
                assertThat(mvc.perform(get(path).with(user(Fixtures.principal(fixtures.user(role))))).andReturn()
                        .getResponse().getStatus()).as(path + " as " + role).isEqualTo(403);
            }
            assertThat(asAdmin(path).getStatus()).as(path + " as admin").isEqualTo(200);
        }
        assertThat(asAdmin("/swagger-ui/index.html").getContentAsString()).contains("swagger-ui");
    }

    private MockHttpServletResponse asAdmin(String path) throws Exception {
        return mvc.perform(get(path).with(user(Fixtures.principal(fixtures.user(Role.ADMIN))))).andReturn()
                .getResponse();
    }

    private static List<String> lines(String text) {
        return text.replace("\r\n", "\n").strip().lines().map(String::stripTrailing).toList();
    }

    /** docs/openapi.yaml at the root of the repository, found from the module the tests run in. */
    static Path committedContract() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("crm-app")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve("docs/openapi.yaml");
            }
        }
        throw new AssertionError("the repository root was not found above " + Path.of("").toAbsolutePath());
    }
}
