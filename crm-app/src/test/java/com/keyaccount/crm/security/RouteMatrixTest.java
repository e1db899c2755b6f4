package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role × route matrix: every route the application maps is listed, with who may reach it,
 * in {@code security/route-matrix.csv}. A route without a row (or a row without a route)
 * fails, and each row is tried as anonymous, account manager, regional manager, director and admin: "allow"
 * means the request got past security (whatever the page then answered), "deny" means 401,
 * 403 or the login page. Ids in paths are ones that do not exist, so nothing is changed.
 */
@FullStackTest
class RouteMatrixTest {

    private static final List<String> ROLES = List.of("anonymous", "manager", "regional", "director", "admin");

    private final MockMvc mvc;
    private final RequestMappingHandlerMapping mappings;
    private final Fixtures fixtures;
    private final TierRecompute recompute;

    RouteMatrixTest(MockMvc mvc, RequestMappingHandlerMapping requestMappingHandlerMapping, Fixtures fixtures,
            TierRecompute recompute) {
        this.mvc = mvc;
        this.mappings = requestMappingHandlerMapping;
        this.fixtures = fixtures;
        this.recompute = recompute;
    }

    record Row(String method, String pattern, Map<String, String> expected) {
        String route() {
            return method + " " + pattern;
        }
    }

    @Test
    void every_route_has_a_row_and_every_row_a_route() throws Exception {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("com.keyaccount")) {
                return;
            }
            Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(Collectors.toSet());
            for (String pattern : Objects.requireNonNull(info.getPathPatternsCondition()).getPatternValues()) {
                (methods.isEmpty() ? Set.of("GET") : methods).forEach(m -> mapped.add(m + " " + pattern));
            }
        });
        Set<String> listed = rows().stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("rows in route-matrix.csv").containsExactlyElementsOf(mapped);
    }

    @Test
    void each_role_reaches_exactly_the_routes_the_matrix_allows() throws Exception {
        Map<String, AppUser> users = Map.of("manager", fixtures.user(Role.ACCOUNT_MANAGER),
                "regional", fixtures.user(Role.REGIONAL_MANAGER), "director", fixtures.user(Role.SALES_DIRECTOR), "admin", fixtures.user(Role.ADMIN));
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            for (String role : ROLES) {
                MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(row.method()), path(row.pattern()));
                if (!"GET".equals(row.method())) {
                    request.with(csrf());
                }
                if (users.containsKey(role)) {
                    request.with(user(Fixtures.principal(users.get(role))));
                }
                String outcome = denied(mvc.perform(request).andReturn().getResponse()) ? "deny" : "allow";
                if (!outcome.equals(row.expected().get(role))) {
                    wrong.add(row.route() + " as " + role + ": " + outcome + ", expected " + row.expected().get(role));
                }
                Recomputes.awaitIdle(recompute);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_state_changing_browser_route_refuses_a_request_without_the_csrf_token() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        List<String> unprotected = new ArrayList<>();
        for (Row row : rows()) {
            if ("GET".equals(row.method()) || row.pattern().startsWith("/api/")) {
                continue; // the API takes no cookies, so there is no session to ride on
            }
            if (row.pattern().startsWith("/s/")) {
                continue; // the public survey page: no session either; its secret token is in the path (SurveyLinkTest)
            }
            int status = mvc.perform(request(HttpMethod.valueOf(row.method()), path(row.pattern()))
                    .with(user(Fixtures.principal(admin)))).andReturn().getResponse().getStatus();
            if (status != 403) {
                unprotected.add(row.route() + " answered " + status);
            }
        }
        assertThat(unprotected).isEmpty();
    }

    private static boolean denied(MockHttpServletResponse response) {
        String location = response.getRedirectedUrl();
        return response.getStatus() == 401 || response.getStatus() == 403
                || location != null && location.contains("/login");
    }

    /** A concrete path for a pattern: ids that do not exist, and a valid value where the pattern restricts it. */
    static String path(String pattern) {
        return pattern.replace("{bucket:overdue|today|week}", "overdue").replace("{kind:customers|sales}", "sales")
                .replace("{slug}.{format:csv|xlsx}", "customers.csv").replace("{id:\\d+}", "987654321")
                .replace("{code}", "NO-SUCH-CODE")
                .replace("{step:submit|withdraw}", "submit").replace("{decision:approve|return}", "approve").replaceAll("\\{[^}]+}", "987654321");
    }

    static List<Row> rows() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RouteMatrixTest.class.getResourceAsStream("/security/route-matrix.csv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("method,")) {
                    continue;
                }
                String[] cells = line.split(",");
                rows.add(new Row(cells[0].strip(), cells[1].strip(), Map.of("anonymous", cells[2].strip(),
                        "manager", cells[3].strip(), "regional", cells[4].strip(), "director", cells[5].strip(),
                        "admin", cells[6].strip())));
            }
        }
        return rows;
    }
}
