package com.keyaccount.crm.bench;

import com.keyaccount.crm.customer.CustomerCriteria;
import com.keyaccount.crm.customer.CustomerFocus;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Place;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20's "fast where users wait": the customer list with each sort (both directions) and its
 * main filters, first page and a deep one, for the director (the whole book) and the manager with
 * the largest book; then a busy customer's page and logging a contact through the real form.
 * Each page is requested one at a time (server time, no queueing) and printed with its p50 / p95,
 * the same query in-process (the use case: page and count) beside it, and the goal. The
 * customer's page and contact logging follow ({@link CustomerPageBenchmark}).
 */
final class CustomerListBenchmark {

    private static final int PAGE_SIZE = 25;
    static final double LIST_GOAL_MS = 100;
    private static final String[] SORTS = {"code", "name", "tier", "region", "industry", "status", "updated"};

    private CustomerListBenchmark() {
    }

    /** One list request: its query string, and the same as the use case's criteria and sort. */
    private record Case(String label, String params, CustomerCriteria criteria, String sort, boolean desc) {
    }

    static void run(ConfigurableApplicationContext app, int samples) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        // what autovacuum has long since done in production (off on this machine's PostgreSQL): the
        // tables the list and its drill-downs read, after the whole-book writes of the parts before
        for (String table : new String[] {"customer", "customer_tier", "customer_list_tier", "contact", "contact_log",
                "sales_order", "tier_change", "follow_up", "customer_last_contact"}) {
            jdbc.execute("VACUUM ANALYZE " + table);
        }
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        Viewer director = viewer(jdbc, "SELECT id, username, display_name, role FROM app_user WHERE username = 'director'");
        Viewer manager = viewer(jdbc, """
                SELECT u.id, u.username, u.display_name, u.role FROM app_user u JOIN customer c ON c.owner_id = u.id
                WHERE c.deleted = FALSE GROUP BY u.id, u.username, u.display_name, u.role
                ORDER BY COUNT(*) DESC, u.id LIMIT 1""");
        ZoneId zone = app.getBean(ZoneId.class);
        LocalDate today = LocalDate.now(zone);
        TierBenchmark.report("Customer list: %d samples a line, pages of %d, goal <= %.0f ms; director sees all, "
                + "manager %s owns %,d", samples, PAGE_SIZE, LIST_GOAL_MS, manager.username(),
                jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE owner_id = ? AND deleted = FALSE", Long.class,
                        manager.userId()));
        List<Case> cases = cases(today, zone, manager.userId());
        for (Viewer viewer : List.of(director, manager)) {
            HttpClient client = HttpLoad.loggedIn(base, viewer.username());
            for (Case c : cases) {
                if (c.criteria().ownerId() != null && !viewer.role().seesAllCustomers()) {
                    continue; // the owner filter is the director's
                }
                list(app, client, base, viewer, c, samples);
            }
        }
    }

    private static List<Case> cases(LocalDate today, ZoneId zone, long ownerId) {
        List<Case> cases = new ArrayList<>();
        for (String sort : SORTS) {
            for (boolean desc : new boolean[] {false, true}) {
                cases.add(new Case("sort " + sort + (desc ? " desc" : " asc"), "sort=" + sort + "&dir="
                        + (desc ? "desc" : "asc"), criteria(null, null, null, null, null, null, CustomerFocus.NONE),
                        sort, desc));
            }
        }
        Instant silent = today.minusDays(90).atStartOfDay(zone).toInstant();
        LocalDate monthAgo = today.minusMonths(1);
        Instant since = today.minusDays(90).atStartOfDay(zone).toInstant();
        Instant until = today.plusDays(1).atStartOfDay(zone).toInstant();
        cases.add(filter("search 合众 (common word)", "q=" + enc("合众"), criteria("合众", null, null, null, null, null,
                CustomerFocus.NONE)));
        cases.add(filter("search c00012 (code)", "q=c00012", criteria("c00012", null, null, null, null, null,
                CustomerFocus.NONE)));
        cases.add(filter("search 7514 (phone)", "q=7514", criteria("7514", null, null, null, null, null,
                CustomerFocus.NONE)));
        cases.add(filter("search qdhz (initials)", "q=qdhz", criteria("qdhz", null, null, null, null, null,
                CustomerFocus.NONE)));
        cases.add(filter("search 合众 + sort tier", "q=" + enc("合众") + "&sort=tier", criteria("合众", null, null,
                null, null, null, CustomerFocus.NONE), "tier", false));
        for (Tier tier : Tier.values()) {
            cases.add(filter("tier " + tier, "tier=" + tier, criteria(null, tier, null, null, null, null,
                    CustomerFocus.NONE)));
        }
        cases.add(filter("tier A sort updated desc", "tier=A&sort=updated&dir=desc", criteria(null, Tier.A, null, null,
                null, null, CustomerFocus.NONE), "updated", true));
        cases.add(filter("region EAST", "region=EAST", criteria(null, null, Region.EAST, null, null, null,
                CustomerFocus.NONE)));
        // province and city (issue 19), the demo book's addresses giving them
        cases.add(filter("province 江苏", "province=320000", placed(new Place("320000", null))));
        cases.add(filter("province + city 苏州", "province=320000&city=320500", placed(new Place("320000", "320500"))));
        cases.add(filter("province 江苏 sort tier", "province=320000&sort=tier", placed(new Place("320000", null)),
                "tier", false));
        cases.add(filter("industry FINANCE", "industry=FINANCE", criteria(null, null, null, Industry.FINANCE, null,
                null, CustomerFocus.NONE)));
        cases.add(filter("status LOST", "status=LOST", criteria(null, null, null, null, null, CustomerStatus.LOST,
                CustomerFocus.NONE)));
        cases.add(filter("status ACTIVE sort tier", "status=ACTIVE&sort=tier", criteria(null, null, null, null, null,
                CustomerStatus.ACTIVE, CustomerFocus.NONE), "tier", false));
        cases.add(filter("owner (director's filter)", "owner=" + ownerId, criteria(null, null, null, null, ownerId,
                null, CustomerFocus.NONE)));
        cases.add(filter("region + tier A + status", "region=EAST&tier=A&status=ACTIVE", criteria(null, Tier.A,
                Region.EAST, null, null, CustomerStatus.ACTIVE, CustomerFocus.NONE)));
        cases.add(filter("focus unclassified", "unclassified=true", focused(new CustomerFocus(true, false, null, null,
                null, null))));
        cases.add(filter("focus served", "served=true", focused(new CustomerFocus(false, true, null, null, null,
                null))));
        cases.add(filter("focus overdue", "overdue=true", focused(new CustomerFocus(false, false, today, null, null,
                null))));
        cases.add(filter("focus silent 90 days", "silentDays=90", focused(new CustomerFocus(false, false, null,
                silent, null, null))));
        // the book's customers not lost were all contacted within 90 days: 30 days finds some
        cases.add(filter("focus silent 30 days", "silentDays=30", focused(new CustomerFocus(false, false, null,
                today.minusDays(30).atStartOfDay(zone).toInstant(), null, null))));
        cases.add(filter("focus sold last month", "soldFrom=" + monthAgo + "&soldTo=" + today,
                focused(new CustomerFocus(false, false, null, null, new CustomerFocus.SalesWindow(monthAgo, today,
                        null), null))));
        cases.add(filter("focus moved up, 90 days", "moved=up&since=" + today.minusDays(90) + "&until=" + today,
                focused(new CustomerFocus(false, false, null, null, null, CustomerFocus.TierMove.all(since, until,
                        true)))));
        return cases;
    }

    private static Case filter(String label, String params, CustomerCriteria criteria) {
        return filter(label, params, criteria, "name", false);
    }

    private static Case filter(String label, String params, CustomerCriteria criteria, String sort, boolean desc) {
        return new Case(label, params, criteria, sort, desc);
    }

    private static CustomerCriteria placed(Place place) {
        return new CustomerCriteria(null, null, null, null, null, null, null, CustomerFocus.NONE, place);
    }

    private static CustomerCriteria focused(CustomerFocus focus) {
        return criteria(null, null, null, null, null, null, focus);
    }

    private static CustomerCriteria criteria(String text, Tier tier, Region region, Industry industry, Long owner,
            CustomerStatus status, CustomerFocus focus) {
        return new CustomerCriteria(text, tier, region, industry, owner, status, null, focus);
    }

    /** As CustomerListQuery sorts: the chosen column, then the id. */
    private static Pageable pageable(Case c, int page) {
        String property = "updated".equals(c.sort()) ? "updatedAt" : c.sort();
        return PageRequest.of(page, PAGE_SIZE, Sort.by(c.desc() ? Sort.Direction.DESC : Sort.Direction.ASC, property)
                .and(Sort.by("id")));
    }

    /** One line: first page and the middle page, over HTTP and in-process. */
    private static void list(ConfigurableApplicationContext app, HttpClient client, String base, Viewer viewer,
            Case c, int samples) {
        CustomerService customers = app.getBean(CustomerService.class);
        long total = customers.search(viewer, c.criteria(), pageable(c, 0)).getTotalElements();
        int deep = (int) Math.max(0, (total / PAGE_SIZE) / 2);
        long[] firstUse = HttpLoad.sample(samples, () -> customers.search(viewer, c.criteria(), pageable(c, 0)));
        long[] deepUse = HttpLoad.sample(samples, () -> customers.search(viewer, c.criteria(), pageable(c, deep)));
        long[] first = HttpLoad.sample(samples, () -> get(client, base + "/customers?" + c.params()));
        long[] deepPage = HttpLoad.sample(samples, () -> get(client, base + "/customers?" + c.params() + "&page=" + deep));
        double worst = Math.max(HttpLoad.ms(first, 50), HttpLoad.ms(deepPage, 50));
        TierBenchmark.report("(L) %-8s %-26s %,6d rows | page 1: p50 %6.1f p95 %6.1f (use case %6.1f) | page %,5d: "
                + "p50 %6.1f p95 %6.1f (use case %6.1f) ms | goal <= %.0f %s", viewer.username(), c.label(), total,
                HttpLoad.ms(first, 50), HttpLoad.ms(first, 95), HttpLoad.ms(firstUse, 50), deep + 1,
                HttpLoad.ms(deepPage, 50), HttpLoad.ms(deepPage, 95), HttpLoad.ms(deepUse, 50), LIST_GOAL_MS,
                worst <= LIST_GOAL_MS ? "ok" : "MISSED");
    }

    static void get(HttpClient client, String url) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(url, e);
        }
    }

    static Viewer viewer(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, (rs, n) -> new Viewer(rs.getLong(1), rs.getString(2),
                Role.valueOf(rs.getString(4)), rs.getString(3)));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
