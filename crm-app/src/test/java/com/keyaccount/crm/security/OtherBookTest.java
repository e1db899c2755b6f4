package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.keyaccount.crm.customer.ContactDetails;
import com.keyaccount.crm.customer.ContactService;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * IDOR: for every route with a customer (or contact) id, an account manager using another
 * manager's id gets the same answer as for an id that does not exist, and nothing changes.
 */
@FullStackTest
class OtherBookTest {

    private static final long MISSING = 987_654_321L;

    private final MockMvc mvc;
    private final RequestMappingHandlerMapping mappings;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final ContactService contacts;

    OtherBookTest(MockMvc mvc, RequestMappingHandlerMapping requestMappingHandlerMapping, Fixtures fixtures,
            JdbcTemplate jdbc, ContactService contacts) {
        this.mvc = mvc;
        this.mappings = requestMappingHandlerMapping;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    @Test
    void another_managers_ids_answer_like_missing_ones_on_every_route_and_change_nothing() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser intruder = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer theirs = fixtures.customer(owner, Fixtures.unique("别人的"));
        long contactId = contacts.add(Fixtures.principal(owner).viewer(), theirs.getId(), new ContactDetails("王总",
                null, DecisionRole.DECISION_MAKER, null, null, null, null, null)).getId();
        // a prospect, so that the prospect ladder's routes are reached too, not only refused as "no ladder"
        jdbc.update("UPDATE customer SET status = 'PROSPECT' WHERE id = ?", theirs.getId());
        Map<String, Object> before = state(theirs);

        List<String> leaks = new ArrayList<>();
        for (String route : customerRoutes()) {
            String[] parts = route.split(" ", 2);
            int forTheirs = status(parts[0], path(parts[1], theirs.getId(), contactId), intruder);
            int forMissing = status(parts[0], path(parts[1], MISSING, MISSING), intruder);
            if (forTheirs != forMissing) {
                leaks.add(route + ": " + forTheirs + " for another manager's id, " + forMissing + " for a missing one");
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(state(theirs)).as("nothing changed").isEqualTo(before);
    }

    /** Every mapped route whose path names a customer. */
    private List<String> customerRoutes() {
        List<String> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/customers/{")) {
                    var methods = info.getMethodsCondition().getMethods();
                    (methods.isEmpty() ? List.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                            : List.copyOf(methods)).forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        });
        assertThat(routes).as("routes with a customer id").hasSizeGreaterThan(10);
        return routes;
    }

    private int status(String method, String path, AppUser viewer) throws Exception {
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path)
                .with(user(Fixtures.principal(viewer)));
        if (!"GET".equals(method)) {
            request.with(csrf()).param("summary", "改一下").param("name", "改名").param("reason", "试试")
                    .param("tier", "A").param("channel", "PHONE").param("occurredAt", "2026-01-05T10:00")
                    .param("submissionToken", java.util.UUID.randomUUID().toString())
                    .param("decisionRole", "USER").param("code", "HACK").param("industry", "IT")
                    .param("region", "EAST").param("status", "ACTIVE").param("version", "0")
                    .param("toStage", "A08").param("confirmedOn", "2026-01-05").param("closeClass", "B")
                    .param("competitor", "别家").param("comeBack", "NO").param("on", "2026-01-05")
                    .param("amount", "100").param("userId", "1")
                    .param("category", "DELIVERY").param("severity", "MINOR").param("description", "试试")
                    .param("latitude", "31.2304").param("longitude", "121.4737").param("accuracy", "10")
                    .param("positionAt", String.valueOf(System.currentTimeMillis()))
                    .param("coordinates", "31.2304, 121.4737");
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static String path(String pattern, long customerId, long contactId) {
        return pattern.replace("{customerId}", String.valueOf(customerId)).replace("{id}", String.valueOf(customerId))
                .replace("{quarter}", com.keyaccount.crm.plan.Quarter.of(java.time.LocalDate.now()).toString())
                .replace("{step:submit|withdraw}", "withdraw").replace("{decision:approve|return}", "approve")
                .replace("{contactId}", String.valueOf(contactId)).replace("{conditionKey}", "neutral_answer")
                .replace("{userId}", String.valueOf(contactId));
    }

    private Map<String, Object> state(Customer customer) {
        return jdbc.queryForMap("""
                SELECT c.name, c.version, c.deleted, c.owner_id, c.designated_key,
                       (SELECT COUNT(*) FROM contact_log l WHERE l.customer_id = c.id) AS logs,
                       (SELECT COUNT(*) FROM prospect_tick t WHERE t.customer_id = c.id) AS ticks,
                       (SELECT COUNT(*) FROM prospect_stage_change h WHERE h.customer_id = c.id) AS moves,
                       (SELECT COUNT(*) FROM contact p WHERE p.customer_id = c.id) AS contacts,
                       (SELECT MAX(p.name) FROM contact p WHERE p.customer_id = c.id) AS contact_name,
                       (SELECT COUNT(*) FROM customer_tier t WHERE t.customer_id = c.id) AS tiers,
                       (SELECT COUNT(*) FROM survey_response r WHERE r.customer_id = c.id) AS surveys,
                       (SELECT COUNT(*) FROM survey_link k WHERE k.customer_id = c.id) AS survey_links,
                       (SELECT COUNT(*) FROM customer_loss l WHERE l.customer_id = c.id) AS losses,
                       (SELECT COUNT(*) FROM customer_care_budget b WHERE b.customer_id = c.id) AS care_budgets,
                       (SELECT COUNT(*) FROM complaint k WHERE k.customer_id = c.id) AS complaints,
                       (SELECT COUNT(*) FROM attachment a WHERE a.customer_id = c.id) AS attachments,
                       (SELECT COUNT(*) FROM check_in k WHERE k.customer_id = c.id) AS check_ins,
                       c.latitude, c.longitude
                FROM customer c WHERE c.id = ?""", customer.getId());
    }
}
