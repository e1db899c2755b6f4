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
    private static final DemoDataGenerator.Size SMALL = new DemoDataGenerator.Size(200, 20, 10);

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
        new DemoDataGenerator(jdbc, ZoneId.of("Asia/Shanghai"), TODAY, seed).generate(SMALL, List.of(
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
                        FROM sales_order o JOIN customer c ON c.id = o.customer_id ORDER BY c.code, o.order_no""",
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
