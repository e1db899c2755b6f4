package com.keyaccount.crm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Tier on 2026-03-01 vs on 2026-09-01, from a hand-written history (dates of the tier changes):
 * <pre>
 * p  C (01-10), A (06-01)             C -> A   upgrade
 * q  A (01-10), B (05-01), C (08-01)  A -> C   downgrade
 * r  B (01-10)                        B -> B
 * s  no history                       - -> -
 * t  B (07-01)                        - -> B   first classified in the period
 * u  B (07-01), C (07-01 15:00)      B -> C   moved the day it was first classified: from its first tier
 * </pre>
 * so 1 upgrade and 2 downgrades; the cell A -> C holds q alone.
 */
@FullStackTest
class MigrationsTest {

    private static final String PERIOD = "/dashboard/migrations?from=2026-03-01&to=2026-09-01";

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private AppUser manager;
    private Customer q;
    private Customer p;
    private Customer u;

    MigrationsTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void history() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        p = customer("p", null, "C", "2026-01-10", "C", "A", "2026-06-01");
        q = customer("q", null, "A", "2026-01-10", "A", "B", "2026-05-01", "B", "C", "2026-08-01");
        customer("r", null, "B", "2026-01-10");
        customer("s");
        customer("t", null, "B", "2026-07-01");
        u = customer("u", null, "B", "2026-07-01", "B", "C", "2026-07-01T07:00");
    }

    @Test
    void the_matrix_counts_each_move_and_names_the_customers_behind_a_cell() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String page = page(PERIOD + "&owner=" + manager.getId(), director);
        assertThat(section(page, "moves")).contains("1 upgrades,", "2 downgrades.");
        assertThat(cells(page)).containsExactly(
                // to:  A  B  C  -        from:
                "0", "0", "1", "0",    // A
                "0", "1", "1", "0",    // B
                "1", "0", "0", "0",    // C
                "0", "1", "0", "1");   // not yet classified

        String cell = page(PERIOD + "&owner=" + manager.getId() + "&fromTier=A&toTier=C", director);
        assertThat(cell.substring(cell.indexOf("id=\"movers\""))).contains(q.getName()).doesNotContain(p.getName());
        String ups = page(PERIOD + "&owner=" + manager.getId() + "&moved=up", director);
        assertThat(ups.substring(ups.indexOf("id=\"movers\""))).contains(p.getName(), "C → A").doesNotContain(q.getName());
    }

    /** A rule change shows the day it is made: one day's period runs from its start to its end. */
    @Test
    void a_change_made_today_shows_in_todays_matrix() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String page = page("/dashboard/migrations?from=2026-07-01&to=2026-07-01&owner=" + manager.getId(), director);
        assertThat(section(page, "moves")).contains("0 upgrades,", "1 downgrades.");
        String down = page("/dashboard/migrations?from=2026-07-01&to=2026-07-01&moved=down&owner=" + manager.getId(),
                director);
        assertThat(down.substring(down.indexOf("id=\"movers\""))).contains(u.getName(), "B → C");
    }

    @Test
    void a_manager_sees_the_migrations_of_their_own_book_only() throws Exception {
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        String page = page(PERIOD + "&owner=" + manager.getId(), other);
        assertThat(section(page, "moves")).contains("0 upgrades,", "0 downgrades.");
    }

    @Test
    void days_in_the_wrong_order_are_explained_and_kept() throws Exception {
        String page = page("/dashboard/migrations?from=2026-09-01&to=2026-03-01", manager);
        assertThat(page).contains("The first day must not be after the second.", "value=\"2026-09-01\"")
                .doesNotContain("id=\"matrix\"");
    }

    /** A customer of the manager with its tier changes: (from, to, day) triples. */
    private Customer customer(String name, String... changes) {
        Customer customer = fixtures.customer(manager, Fixtures.unique(name));
        for (int i = 0; i + 2 < changes.length; i += 3) {
            jdbc.update("""
                    INSERT INTO tier_change (customer_id, from_tier, to_tier, policy_version, changed_at, reason)
                    VALUES (?, ?, ?, 1, ?, 'RECOMPUTED')""", customer.getId(), changes[i], changes[i + 1],
                    Timestamp.from(Instant.parse(changes[i + 2] + (changes[i + 2].contains("T") ? ":00Z" : "T02:00:00Z"))));
        }
        return customer;
    }

    private String page(String url, AppUser viewer) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The matrix's numbers, row by row. */
    private static java.util.List<String> cells(String page) {
        String matrix = page.substring(page.indexOf("<tbody>", page.indexOf("id=\"matrix\"")),
                page.indexOf("</table>", page.indexOf("id=\"matrix\"")));
        return java.util.regex.Pattern.compile(">(\\d+)<").matcher(matrix).results().map(m -> m.group(1)).toList();
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return page.substring(start, page.indexOf("</p>", start));
    }
}
