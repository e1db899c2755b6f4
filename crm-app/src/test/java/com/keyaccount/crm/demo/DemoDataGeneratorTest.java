package com.keyaccount.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.support.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class DemoDataGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final DemoDataGenerator.Size SMALL = new DemoDataGenerator.Size(200, 20);

    @Test
    void the_same_seed_and_day_generate_the_same_book() {
        assertThat(fingerprint(generate(42))).isEqualTo(fingerprint(generate(42)));
    }

    @Test
    void another_seed_generates_another_book() {
        assertThat(fingerprint(generate(42))).isNotEqualTo(fingerprint(generate(43)));
    }

    @Test
    void revenue_is_concentrated_as_in_a_real_book_so_tiers_differ() {
        JdbcTemplate db = generate(7);
        List<BigDecimal> revenues = db.queryForList("""
                SELECT sum(amount) FROM sales_order GROUP BY customer_id ORDER BY sum(amount) DESC""", BigDecimal.class);
        BigDecimal total = revenues.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal topFifth = revenues.stream().limit(revenues.size() / 5).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(topFifth.doubleValue() / total.doubleValue()).isGreaterThan(0.5);
    }

    @Test
    void every_order_and_log_lies_in_the_past_year_and_payments_follow_orders() {
        JdbcTemplate db = generate(9);
        assertThat(db.queryForObject("SELECT count(*) FROM sales_order WHERE order_date > ? OR order_date < ?",
                Integer.class, TODAY, TODAY.minusDays(200 + 366))).isZero();
        assertThat(db.queryForObject("SELECT count(*) FROM sales_order WHERE paid_date < order_date OR paid_date > ?",
                Integer.class, TODAY)).isZero();
        assertThat(db.queryForObject("SELECT count(*) FROM customer WHERE status = 'LOST' AND lost_reason IS NULL",
                Integer.class)).isZero();
    }

    @Test
    void five_named_product_lines_each_order_in_one_with_a_realistic_margin() {
        JdbcTemplate db = generate(11);
        assertThat(db.queryForList("SELECT name FROM product_line", String.class))
                .containsExactlyInAnyOrder("家用电器", "建筑材料", "办公用品", "农资化肥", "工业配件");
        assertThat(db.queryForObject("SELECT COUNT(*) FROM sales_order WHERE product_line_id IS NULL OR margin IS NULL",
                Integer.class)).isZero();
        // every one of the five sells something
        assertThat(db.queryForObject("SELECT COUNT(DISTINCT product_line_id) FROM sales_order", Integer.class))
                .isEqualTo(5);
        // sales: margin between 8% and 35% of the amount; credit notes: a negative margin, smaller than the amount
        assertThat(db.queryForObject("""
                SELECT COUNT(*) FROM sales_order WHERE amount > 0 AND (margin < amount * 0.08 OR margin > amount * 0.35)""",
                Integer.class)).isZero();
        assertThat(db.queryForObject("""
                SELECT COUNT(*) FROM sales_order WHERE amount < 0 AND (margin > 0 OR margin <= amount)""",
                Integer.class)).isZero();
    }

    @Test
    void a_few_percent_of_orders_are_followed_by_a_credit_note_never_larger_than_the_order_it_names() {
        JdbcTemplate db = generate(12);
        int sales = db.queryForObject("SELECT COUNT(*) FROM sales_order WHERE amount > 0", Integer.class);
        int credits = db.queryForObject("SELECT COUNT(*) FROM sales_order WHERE amount < 0", Integer.class);
        assertThat((double) credits / sales).isBetween(0.03, 0.05);
        // each credit note names an order of the same customer and product line, dated on or before it,
        // and is no larger than that order
        assertThat(db.queryForObject("""
                SELECT COUNT(*) FROM sales_order n
                WHERE n.amount < 0 AND NOT EXISTS (
                    SELECT 1 FROM sales_order o WHERE o.customer_id = n.customer_id AND o.order_no = n.refers_to
                        AND o.product_line_id = n.product_line_id AND o.amount > 0 AND o.order_date <= n.order_date
                        AND o.amount + n.amount >= 0 AND o.margin + n.margin >= 0)""", Integer.class)).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM sales_order WHERE amount > 0 AND refers_to IS NOT NULL",
                Integer.class)).isZero();
        // no order is credited twice
        assertThat(db.queryForObject("""
                SELECT COUNT(*) FROM (SELECT customer_id, refers_to FROM sales_order WHERE amount < 0
                                      GROUP BY customer_id, refers_to HAVING COUNT(*) > 1) x""", Integer.class)).isZero();
    }

    private static JdbcTemplate generate(long seed) {
        var ds = new SingleConnectionDataSource(TestDatabase.freshH2("gen-" + UUID.randomUUID()), "sa", "", true);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        long[] managers = new long[3];
        for (int i = 0; i < 3; i++) {
            jdbc.update("""
                    INSERT INTO app_user (username, password_hash, display_name, role, region, created_at)
                    VALUES (?, 'x', ?, 'ACCOUNT_MANAGER', 'EAST', CURRENT_TIMESTAMP)""", "m" + i, "m" + i);
            managers[i] = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, "m" + i);
        }
        new DemoDataGenerator(jdbc, ZoneId.of("Asia/Shanghai"), TODAY, seed, DemoDataGenerator.Rules.DEFAULT)
                .generate(SMALL, List.of(
                new DemoDataGenerator.Manager(managers[0], "EAST"), new DemoDataGenerator.Manager(managers[1], "SOUTH"),
                new DemoDataGenerator.Manager(managers[2], "NORTH")));
        return jdbc;
    }

    /** Everything a user would see of the book, as one comparable value. */
    private static List<String> fingerprint(JdbcTemplate db) {
        return List.of(
                db.queryForList("SELECT code || name || industry || region || status || owner_id FROM customer ORDER BY code",
                        String.class).toString(),
                db.queryForList("""
                        SELECT c.code || o.order_no || o.order_date || o.amount || coalesce(cast(o.paid_date AS VARCHAR), '-')
                               || p.code || o.margin || coalesce(o.refers_to, '-')
                        FROM sales_order o JOIN customer c ON c.id = o.customer_id
                        JOIN product_line p ON p.id = o.product_line_id ORDER BY c.code, o.order_no""",
                        String.class).toString(),
                db.queryForList("""
                        SELECT c.code || l.channel || cast(l.occurred_at AS VARCHAR) || l.summary
                        FROM contact_log l JOIN customer c ON c.id = l.customer_id ORDER BY c.code, l.occurred_at, l.summary""",
                        String.class).toString(),
                db.queryForList("""
                        SELECT c.code || k.name || k.decision_role || cast(k.birthday AS VARCHAR)
                        FROM contact k JOIN customer c ON c.id = k.customer_id ORDER BY c.code, k.name, k.birthday""",
                        String.class).toString());
    }
}
