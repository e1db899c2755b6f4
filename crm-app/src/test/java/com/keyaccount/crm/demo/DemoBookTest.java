package com.keyaccount.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.CrmApplication;
import com.keyaccount.crm.churn.application.ChurnWarnings;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.dashboard.application.Dashboards;
import com.keyaccount.crm.dashboard.application.Overview;
import com.keyaccount.crm.followup.application.DueCustomer;
import com.keyaccount.crm.followup.application.DueSection;
import com.keyaccount.crm.followup.application.MyDay;
import com.keyaccount.crm.support.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default demo book, as the first start writes it, looks like a team that looks after its
 * customers (issue 14): what the dashboard, My day and the churn page show of it.
 */
class DemoBookTest {

    /** Provinces and municipalities of each sales region (大区), as Chinese sales organisations draw them. */
    private static final Map<String, String> REGION_OF_PROVINCE = provinces(
            "NORTH", "北京 天津 河北 山西 内蒙古",
            "NORTHEAST", "辽宁 吉林 黑龙江",
            "EAST", "上海 江苏 浙江 安徽 福建 江西 山东",
            "SOUTH", "广东 广西 海南",
            "CENTRAL", "河南 湖北 湖南",
            "SOUTHWEST", "重庆 四川 贵州 云南 西藏",
            "NORTHWEST", "陕西 甘肃 青海 宁夏 新疆");
    /** 江苏省南京市鼓楼区… or 上海市浦东新区…: the city is what comes before 市. */
    private static final Pattern CITY = Pattern.compile("^(?:.+?(?:省|自治区))?(.+?)市");

    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startWithTheDefaultDemo() {
        app = new SpringApplicationBuilder(CrmApplication.class).run(
                "--spring.datasource.url=" + TestDatabase.freshH2("demo-book-" + UUID.randomUUID()),
                "--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn");
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void about_a_fifth_of_the_customers_are_A_under_the_default_pareto_rule() {
        Overview overview = app.getBean(Dashboards.class).compute(new DashboardFilter(null, null, null, null));
        Map<String, Long> byTier = new HashMap<>();
        overview.byTier().forEach(group -> byTier.put(group.key(), group.customers()));
        double all = overview.customers();
        assertThat(all).isEqualTo(300);
        assertThat(byTier.get("A") / all).as("share of A, %s", byTier).isBetween(0.15, 0.25);
        assertThat(byTier.get("B") / all).as("share of B, %s", byTier).isBetween(0.15, 0.40);
    }

    @Test
    void zhangs_day_has_a_few_customers_overdue_each_by_days_not_months() {
        long zhang = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'zhang'", Long.class);
        int customers = jdbc.queryForObject("SELECT count(*) FROM customer WHERE owner_id = ?", Integer.class, zhang);
        DueSection overdue = app.getBean(MyDay.class).of(zhang).overdue();
        assertThat(overdue.total()).as("overdue of %d", customers).isPositive().isLessThan(customers / 10);
        // two weeks of work at most, give or take a make-up working day (调休)
        assertThat(overdue.rows()).extracting(DueCustomer::workingDaysLate).allSatisfy(late -> assertThat(late)
                .isBetween(1, 12));
    }

    @Test
    void a_small_minority_of_the_customers_shows_a_churn_warning() {
        long customers = jdbc.queryForObject("SELECT count(*) FROM customer", Long.class);
        long warned = app.getBean(ChurnWarnings.class).warnings(new DashboardFilter(null, null, null, null), 0)
                .total();
        assertThat((double) warned / customers).as("%d warned of %d", warned, customers).isBetween(0.03, 0.20);
    }

    @Test
    void every_customer_is_in_a_city_of_its_region_and_named_after_it() {
        Map<String, String> provinceOfCity = new HashMap<>();
        List<Map<String, Object>> customers = jdbc.queryForList("SELECT name, region, address FROM customer");
        assertThat(customers).hasSize(300).allSatisfy(customer -> {
            String address = (String) customer.get("address");
            String province = REGION_OF_PROVINCE.keySet().stream().filter(address::startsWith).findFirst()
                    .orElseThrow(() -> new AssertionError("no province in " + address));
            assertThat(REGION_OF_PROVINCE.get(province)).as(address).isEqualTo(customer.get("region"));
            Matcher city = CITY.matcher(address);
            assertThat(city.find()).as(address).isTrue();
            assertThat((String) customer.get("name")).startsWith(city.group(1));
            // one city, one province
            assertThat(provinceOfCity.computeIfAbsent(city.group(1), c -> province)).as(address).isEqualTo(province);
        });
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT name) FROM customer", Integer.class)).isEqualTo(300);
    }

    @Test
    void every_prospect_stands_where_its_history_ends_and_won_ones_became_customers_on_their_first_order() {
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM customer c WHERE c.status = 'PROSPECT'
                  AND NOT EXISTS (SELECT 1 FROM prospect p WHERE p.customer_id = c.id)""", Integer.class))
                .as("every demo prospect is on the ladder").isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM prospect p WHERE p.stage <> 'A21' AND p.stage <> (
                    SELECT h.to_stage FROM prospect_stage_change h WHERE h.customer_id = p.customer_id
                    ORDER BY h.changed_at DESC, h.id DESC LIMIT 1)""", Integer.class))
                .as("the last move of each history is where the prospect stands").isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT stage FROM prospect", String.class))
                .as("a funnel has something at the top, the middle and the end")
                .contains("A21", "A08", "A02");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM prospect p JOIN customer c ON c.id = p.customer_id
                WHERE p.stage IN ('A02', 'A01') AND c.status <> 'ACTIVE'""", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM prospect_stage_change h
                WHERE h.changed_at > CURRENT_TIMESTAMP""", Integer.class)).as("no move in the future").isZero();
    }

    private static Map<String, String> provinces(String... regionsAndProvinces) {
        Map<String, String> regions = new HashMap<>();
        for (int i = 0; i < regionsAndProvinces.length; i += 2) {
            for (String province : regionsAndProvinces[i + 1].split(" ")) {
                regions.put(province, regionsAndProvinces[i]);
            }
        }
        return regions;
    }
}
