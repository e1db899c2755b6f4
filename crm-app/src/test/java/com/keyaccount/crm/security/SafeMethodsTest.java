package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No GET changes data: every GET route of the matrix is requested by an admin with ids of real
 * records (a customer with a contact, rule / quota / calendar drafts, a user), and every table's
 * full content is fingerprinted before and after. The one table allowed to grow is the audit
 * log, and only by EXPORT rows: downloading data is itself recorded.
 */
@FullStackTest
class SafeMethodsTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;

    SafeMethodsTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    @Test
    void no_get_route_changes_anything_but_the_record_of_an_export() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("只读"));
        jdbc.update("INSERT INTO contact (customer_id, name, decision_role, created_at) VALUES (?, ?, 'USER', "
                + "CURRENT_TIMESTAMP)", customer.getId(), Fixtures.unique("联系人"));
        long contact = jdbc.queryForObject("SELECT MAX(id) FROM contact WHERE customer_id = ?", Long.class,
                customer.getId());
        mvc.perform(post("/admin/rules/drafts").with(user(Fixtures.principal(admin))).with(csrf()));
        mvc.perform(post("/admin/quotas/drafts").param("fromVersion", "1").with(user(Fixtures.principal(admin)))
                .with(csrf()));
        mvc.perform(post("/admin/calendar/drafts").param("year", "2026").with(user(Fixtures.principal(admin)))
                .with(csrf()));
        Long ruleDraft = jdbc.queryForObject("SELECT MAX(id) FROM tier_policy_draft", Long.class);
        Long quotaDraft = jdbc.queryForObject("SELECT MAX(id) FROM visit_quota_draft", Long.class);
        Long calendarDraft = jdbc.queryForObject("SELECT MAX(id) FROM calendar_draft", Long.class);
        try {
            Recomputes.awaitIdle(recompute);
            Map<String, String> before = fingerprint();
            assertThat(before).containsKeys("customer", "contact", "follow_up", "customer_tier", "app_user",
                    "tier_policy_draft", "visit_quota_draft", "calendar_draft", "sales_order");
            long audit = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_event", Long.class);

            List<String> requested = new ArrayList<>();
            for (RouteMatrixTest.Row row : RouteMatrixTest.rows()) {
                if (!"GET".equals(row.method()) || row.pattern().startsWith("/api/")) {
                    continue; // the API answers bearer tokens only
                }
                String path = concrete(row.pattern(), customer, contact, ruleDraft, quotaDraft, calendarDraft, manager);
                int status = mvc.perform(get(path).with(user(Fixtures.principal(admin)))).andReturn().getResponse()
                        .getStatus();
                requested.add(path + " " + status);
            }
            Recomputes.awaitIdle(recompute);

            assertThat(requested).as("the sweep reached the routes").anyMatch(r -> r.startsWith("/customers/"
                    + customer.getId() + " 200")).anyMatch(r -> r.contains("/preview 200"));
            Map<String, String> after = fingerprint();
            assertThat(after).as("tables changed by GET requests %s", requested).isEqualTo(before);
            assertThat(jdbc.queryForList("SELECT DISTINCT action FROM audit_event WHERE id > ?", String.class, audit))
                    .allMatch("EXPORT"::equals);
        } finally {
            jdbc.update("DELETE FROM tier_policy_draft WHERE id = ?", ruleDraft);
            jdbc.update("DELETE FROM visit_quota_draft WHERE id = ?", quotaDraft);
            jdbc.update("DELETE FROM calendar_draft WHERE id = ?", calendarDraft);
        }
    }

    private static String concrete(String pattern, Customer customer, long contact, Long ruleDraft, Long quotaDraft,
            Long calendarDraft, AppUser user) {
        String path = pattern.replace("{bucket:overdue|today|week}", "overdue")
                .replace("{kind:customers|sales}", "sales").replace("{slug}.{format:csv|xlsx}", "customers.csv")
                .replace("export.{format:csv|xlsx}", "export.xlsx").replace("duties.{format:csv|xlsx}", "duties.xlsx")
                .replace("{kind:visit|call}", "call")
                .replace("{customerId}", customer.getId().toString()).replace("{contactId}", Long.toString(contact))
                .replace("{version}", "1").replace("{token}", "no-such-survey-link")
                .replace("{quarter}", com.keyaccount.crm.plan.Quarter.of(java.time.LocalDate.now()).toString());
        if (path.startsWith("/admin/rules/drafts/")) {
            return path.replace("{id}", String.valueOf(ruleDraft));
        }
        if (path.startsWith("/admin/quotas/drafts/")) {
            return path.replace("{id}", String.valueOf(quotaDraft));
        }
        if (path.startsWith("/admin/calendar/drafts/")) {
            return path.replace("{id}", String.valueOf(calendarDraft));
        }
        if (path.startsWith("/admin/users/")) {
            return path.replace("{id}", user.getId().toString());
        }
        return path.replace("{id:\\d+}", "987654321").replace("{id}", customer.getId().toString());
    }

    /**
     * Every table but the audit log and the session store, as a digest of all its rows in key
     * order. A GET may open a browser session (the login page's CSRF token) and touches its last
     * access: that is the container's bookkeeping, kept in the database for every instance.
     */
    private Map<String, String> fingerprint() throws Exception {
        Map<String, String> digests = new TreeMap<>();
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type IN ('BASE TABLE', 'TABLE')""", String.class);
        for (String table : tables) {
            if (table.equalsIgnoreCase("audit_event") || table.toLowerCase().startsWith("spring_session")) {
                continue;
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> rows = new ArrayList<>();
            jdbc.query("SELECT * FROM " + table, rs -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('\u0001');
                }
                rows.add(row.toString());
            });
            rows.sort(null);
            rows.forEach(r -> digest.update(r.getBytes(StandardCharsets.UTF_8)));
            digests.put(table.toLowerCase(), rows.size() + " rows " + HexFormat.of().formatHex(digest.digest()));
        }
        return digests;
    }
}
