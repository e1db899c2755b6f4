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
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Every figure a director clicks on the dashboard, coverage and migrations pages opens the
 * customer list (or the churn page) showing exactly as many customers. One manager's book:
 * <pre>
 * customer  region  industry       tier  status  sales                                  follow-up due
 * a1        EAST    MANUFACTURING  A     active  50,000 last month (5th); this month     —
 *                                                 (1st) 10,000 and a credit note −2,000
 * a2        NORTH   IT             A     active  20,000 last month (5th)                 —
 * b1        NORTH   MANUFACTURING  B     active  7,000 three months ago (3rd)            —
 * c1        EAST    IT             C     active  —                                       yesterday (overdue)
 * u1        EAST    IT             —     active  1,000 this month (1st)                  10 days ago (overdue)
 * l1        EAST    IT             C     lost    —                                       5 days ago (lost: not counted)
 *
 * contacts: a1 5 days ago, b1 200 days ago; coverage over 90 days: 4 of the 5 not lost not contacted
 * KPIs: 6 customers; net revenue 86,000 from 4 customers with sales; A share 2 / 6 = 33.3%; 2 overdue
 * trend: this month 10,000 − 2,000 + 1,000 = 9,000 (credit notes −2,000, 2 customers);
 *        last month 70,000 (2 customers); three months ago 7,000 (1 customer)
 * tier history: b1 none → A 100 days ago, A → B 20 days ago; a2 none → A 10 days ago
 *   matrix over the last 90 days: A → B 1 (b1), none → A 1 (a2: first classified within), none → none 4
 * </pre>
 */
@FullStackTest
class DrillDownTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Pattern LIST_COUNT = Pattern.compile("([\\d,]+) customers?</p>");

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final LocalDate today;
    private AppUser manager;
    private AppUser director;

    DrillDownTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, Clock clock) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.today = LocalDate.now(clock.withZone(SHANGHAI));
    }

    @BeforeEach
    void book() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        director = fixtures.user(Role.SALES_DIRECTOR);
        LocalDate thisMonth = today.withDayOfMonth(1);
        LocalDate lastMonth = thisMonth.minusMonths(1);
        long a1 = customer("a1", "EAST", "MANUFACTURING", "A", "ACTIVE");
        order(a1, "A1-1", lastMonth.plusDays(4), 50_000);
        order(a1, "A1-2", thisMonth, 10_000);
        order(a1, "A1-3", thisMonth, -2_000);
        long a2 = customer("a2", "NORTH", "IT", "A", "ACTIVE");
        order(a2, "A2-1", lastMonth.plusDays(4), 20_000);
        long b1 = customer("b1", "NORTH", "MANUFACTURING", "B", "ACTIVE");
        order(b1, "B1-1", thisMonth.minusMonths(3).plusDays(2), 7_000);
        long c1 = customer("c1", "EAST", "IT", "C", "ACTIVE");
        due(c1, today.minusDays(1));
        long u1 = customer("u1", "EAST", "IT", null, "ACTIVE");
        order(u1, "U1-1", thisMonth, 1_000);
        due(u1, today.minusDays(10));
        long l1 = customer("l1", "EAST", "IT", "C", "LOST");
        due(l1, today.minusDays(5));
        change(b1, null, "A", 100);
        change(b1, "A", "B", 20);
        change(a2, null, "A", 10);
        contacted(a1, 5);
        contacted(b1, 200);
    }

    /** Other tests count on being the only ones with revenue, follow-ups and tier moves of their own managers. */
    @AfterEach
    void clean() {
        for (String table : List.of("sales_order", "follow_up", "tier_change", "contact_log")) {
            jdbc.update("DELETE FROM " + table + " WHERE customer_id IN (SELECT id FROM customer WHERE owner_id = ?)",
                    manager.getId());
        }
    }

    @Test
    void each_kpi_card_shows_the_hand_computed_figure_and_opens_as_many_customers() throws Exception {
        String page = page("/dashboard?owner=" + manager.getId());

        assertThat(kpi(page, "kpi-customers")).contains(">6<");
        assertThat(kpi(page, "kpi-revenue")).contains("¥86,000.00\">", "¥86,000<", "4 customers with sales");
        assertThat(kpi(page, "kpi-a-share")).contains("33.3%", "2 A customers");
        assertThat(kpi(page, "kpi-overdue")).contains(">2<");

        assertThat(listCount(href(kpi(page, "kpi-customers")))).isEqualTo(6);
        assertThat(listCount(href(kpi(page, "kpi-revenue")))).isEqualTo(4);
        assertThat(listCount(href(kpi(page, "kpi-a-share")))).isEqualTo(2);
        assertThat(listCount(href(kpi(page, "kpi-overdue")))).isEqualTo(2);
        String churn = kpi(page, "kpi-churn");
        String churnPage = page(href(churn));
        assertThat(churnPage).contains(value(churn) + " customers show at least one signal.");
    }

    @Test
    void the_kpis_and_their_lists_follow_the_region_filter() throws Exception {
        String page = page("/dashboard?region=EAST&owner=" + manager.getId());

        assertThat(kpi(page, "kpi-customers")).contains(">4<");
        assertThat(kpi(page, "kpi-revenue")).contains("¥59,000<", "2 customers with sales");
        assertThat(kpi(page, "kpi-a-share")).contains("25.0%", "1 A customers");
        assertThat(kpi(page, "kpi-overdue")).contains(">2<");
        assertThat(listCount(href(kpi(page, "kpi-customers")))).isEqualTo(4);
        assertThat(listCount(href(kpi(page, "kpi-revenue")))).isEqualTo(2);
        assertThat(listCount(href(kpi(page, "kpi-a-share")))).isEqualTo(1);
        assertThat(listCount(href(kpi(page, "kpi-overdue")))).isEqualTo(2);
    }

    @Test
    void the_trend_sums_each_month_net_of_credit_notes_and_each_month_opens_its_customers() throws Exception {
        String trend = section(page("/dashboard?owner=" + manager.getId()), "trend");
        List<String[]> rows = rows(trend);
        assertThat(rows).hasSize(12);
        // month, net revenue, credit notes and returns, customers with sales
        assertThat(String.join(" | ", rows.get(11))).matches(today.toString().substring(0, 7)
                + " \\| \\S*¥9,000.00 \\| -\\S*¥2,000.00 \\| 2");
        assertThat(String.join(" | ", rows.get(10))).matches(today.minusMonths(1).toString().substring(0, 7)
                + " \\| \\S*¥70,000.00 \\| \\S*¥0.00 \\| 2");
        assertThat(String.join(" | ", rows.get(9))).matches(today.minusMonths(2).toString().substring(0, 7)
                + " \\| \\S*¥0.00 \\| \\S*¥0.00 \\| 0");
        assertThat(String.join(" | ", rows.get(8))).matches(today.minusMonths(3).toString().substring(0, 7)
                + " \\| \\S*¥7,000.00 \\| \\S*¥0.00 \\| 1");
        for (Link link : links(trend)) {
            if (link.text().matches("[\\d,]+")) {
                assertThat(listCount(link.href())).as(link.href()).isEqualTo(number(link.text()));
            }
        }
    }

    @Test
    void every_customer_count_in_the_tier_region_and_industry_tables_opens_as_many_customers() throws Exception {
        String page = page("/dashboard?owner=" + manager.getId());
        int checked = 0;
        for (String id : List.of("by-tier", "by-region", "by-industry")) {
            for (Link link : links(section(page, id))) {
                if (link.text().matches("[\\d,]+")) {
                    assertThat(listCount(link.href())).as(id + " " + link.href()).isEqualTo(number(link.text()));
                    checked++;
                }
            }
        }
        // tiers A, B, C and not yet classified; two regions; two industries
        assertThat(checked).isEqualTo(8);
        assertThat(page).contains("unclassified=true");
    }

    @Test
    void every_coverage_figure_opens_as_many_customers() throws Exception {
        String page = page("/dashboard/coverage?owner=" + manager.getId());
        List<Link> links = links(page.substring(page.indexOf("id=\"coverage-by-manager\"")))
                .stream().filter(l -> l.href().startsWith("/customers")).toList();
        // manager row and total, tier rows (A, B, C, none) and total: three figures each
        assertThat(links).hasSize(3 * 2 + 3 * 5);
        for (Link link : links) {
            assertThat(listCount(link.href())).as(link.href()).isEqualTo(number(link.text()));
        }
        assertThat(links.get(0).text()).isEqualTo("5");
        assertThat(links.get(1).text()).isEqualTo("2");
        assertThat(links.get(2).text()).as("not contacted for 90 days: all but a1").isEqualTo("4");
    }

    @Test
    void every_migration_cell_and_the_downgrades_open_as_many_customers() throws Exception {
        String page = page("/dashboard/migrations?owner=" + manager.getId());
        List<Link> links = links(page.substring(page.indexOf("id=\"moves\""), page.indexOf("</table>",
                page.indexOf("id=\"matrix\""))));
        assertThat(links).extracting(Link::text).contains("1 downgrades.", "1", "4");
        for (Link link : links) {
            assertThat(listCount(link.href())).as(link.href()).isEqualTo(number(link.text()));
        }
        assertThat(listCount("/customers?owner=" + manager.getId() + "&movedFrom=A&movedTo=B&since="
                + today.minusDays(90) + "&until=" + today)).isEqualTo(1);
    }

    private record Link(String href, String text) {
    }

    private static final Pattern LINK = Pattern.compile("<a[^>]*href=\"([^\"]*)\"[^>]*>([^<]*)</a>");

    private static List<Link> links(String html) {
        List<Link> links = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            links.add(new Link(HtmlUtils.htmlUnescape(m.group(1)), HtmlUtils.htmlUnescape(m.group(2)).strip()));
        }
        return links;
    }

    /** The trend table's cells, row by row, links as their text. */
    private static List<String[]> rows(String section) {
        List<String[]> rows = new ArrayList<>();
        String body = section.substring(section.indexOf("<tbody>"), section.indexOf("</tbody>"));
        for (String row : body.split("<tr>")) {
            if (row.contains("<td")) {
                rows.add(HtmlUtils.htmlUnescape(row.replaceAll("<[^>]+>", "|")).replaceAll("\\s+", "")
                        .replaceAll("\\|+", "|").replaceAll("^\\||\\|$", "").split("\\|"));
            }
        }
        return rows;
    }

    private static long number(String text) {
        Matcher m = Pattern.compile("[\\d,]+").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group().replace(",", ""));
    }

    private long listCount(String href) throws Exception {
        Matcher m = LIST_COUNT.matcher(page(href));
        assertThat(m.find()).as(href).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static String kpi(String page, String id) {
        int start = page.lastIndexOf("<a", page.indexOf("id=\"" + id + "\""));
        return page.substring(start, page.indexOf("</a>", start));
    }

    private static String href(String anchor) {
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(anchor);
        assertThat(m.find()).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    /** The big figure of a KPI card. */
    private static long value(String card) {
        Matcher m = Pattern.compile("kpi-value\">([^<]*)<").matcher(card);
        assertThat(m.find()).isTrue();
        return number(m.group(1));
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(director))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private long customer(String name, String region, String industry, String tier, String status) {
        Customer customer = fixtures.customer(manager, Fixtures.unique(name));
        jdbc.update("UPDATE customer SET region = ?, industry = ?, status = ? WHERE id = ?", region, industry, status,
                customer.getId());
        if (tier != null) {
            jdbc.update("""
                    INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                        revenue, order_count) VALUES (?, ?, ?, 1, ?, 0, 0)""", customer.getId(), tier, tier,
                    Timestamp.from(Instant.now()));
            // as the tier writer does: its copy in the list's tier order, which the list filters and sorts by
            jdbc.update("UPDATE customer_list_tier SET sort_tier = ? WHERE customer_id = ?", tier, customer.getId());
        }
        return customer.getId();
    }

    private void order(long customer, String number, LocalDate day, long amount) {
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at)
                VALUES (?, ?, ?, ?, ?)""", customer, number, Date.valueOf(day), amount, Timestamp.from(Instant.now()));
    }

    private void due(long customer, LocalDate day) {
        jdbc.update("""
                INSERT INTO follow_up (customer_id, owner_id, tier, due_on, due_rule, quota_version, refreshed_at)
                VALUES (?, ?, 'C', ?, 'ANY_CONTACT', 1, ?)""", customer, manager.getId(), Date.valueOf(day),
                Timestamp.from(Instant.now()));
    }

    private void contacted(long customer, int daysAgo) {
        jdbc.update("""
                INSERT INTO contact_log (customer_id, author_id, channel, occurred_at, summary, submission_token, created_at)
                VALUES (?, ?, 'VISIT', ?, 'drill-down', ?, ?)""", customer, manager.getId(),
                Timestamp.from(today.minusDays(daysAgo).atTime(10, 0).atZone(SHANGHAI).toInstant()),
                java.util.UUID.randomUUID().toString(), Timestamp.from(Instant.now()));
    }

    private void change(long customer, String from, String to, int daysAgo) {
        jdbc.update("""
                INSERT INTO tier_change (customer_id, from_tier, to_tier, policy_version, changed_at, reason)
                VALUES (?, ?, ?, 1, ?, 'RECOMPUTED')""", customer, from, to,
                Timestamp.from(today.minusDays(daysAgo).atTime(10, 0).atZone(SHANGHAI).toInstant()));
    }
}
