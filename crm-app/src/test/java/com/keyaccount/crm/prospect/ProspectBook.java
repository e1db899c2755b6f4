package com.keyaccount.crm.prospect;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.AppUser;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One account manager's prospects as the funnel tests build them, straight into the tables the
 * prospect page writes: customers created some days ago, stage changes at 10:00 Shanghai time on
 * given days, and where each stands now.
 * <pre>
 * a  created 100 days ago; no prospect row (stands at A21 since then)
 * b  created  60 days ago; A21 → A08 50 days ago; A08 → A07 20 days ago; close B, ¥60,000 a month
 * c  created  10 days ago; A21 → A08 8 days ago; A08 → A31 5 days ago (price); close E
 * d  created 200 days ago; A21 → A08 190, A08 → A07 150, A07 → A06 40, A06 → A05 25 days ago; ¥120,000
 * e  created  90 days ago; A21 → A08 80 days ago; A08 → A21 (back) 12 days ago; close C, ¥30,000
 * f  created 300 days ago; climbed to A02 100 days ago, now a customer (ACTIVE); close A
 * g  NORTH; created 50 days ago; A21 → A08 45 days ago; A08 → A31 15 days ago (has a supplier)
 * and, never counted: another manager's prospect, a deleted prospect (A21 → A08 5 days ago), an
 * active customer without a row
 * </pre>
 */
final class ProspectBook {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final LocalDate today = LocalDate.now(SHANGHAI);
    final AppUser manager;
    final AppUser other;
    final Map<String, Customer> customers = new HashMap<>();
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    ProspectBook(Fixtures fixtures, JdbcTemplate jdbc, AppUser manager, AppUser other) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.manager = manager;
        this.other = other;
        build();
    }

    private void build() {
        prospect("a", manager, "EAST", "PROSPECT", 100);
        prospect("b", manager, "EAST", "PROSPECT", 60);
        move("b", "A21", "A08", 50);
        move("b", "A08", "A07", 20);
        stands("b", "A07", 20, "B", "60000", null);
        prospect("c", manager, "EAST", "PROSPECT", 10);
        move("c", "A21", "A08", 8);
        move("c", "A08", "A31", 5);
        stands("c", "A31", 5, "E", null, "PRICE");
        prospect("d", manager, "EAST", "PROSPECT", 200);
        move("d", "A21", "A08", 190);
        move("d", "A08", "A07", 150);
        move("d", "A07", "A06", 40);
        move("d", "A06", "A05", 25);
        stands("d", "A05", 25, null, "120000", null);
        prospect("e", manager, "EAST", "PROSPECT", 90);
        move("e", "A21", "A08", 80);
        move("e", "A08", "A21", 12);
        stands("e", "A21", 12, "C", "30000", null);
        prospect("f", manager, "EAST", "ACTIVE", 300);
        String[] ladder = {"A21", "A08", "A07", "A06", "A05", "A04", "A03", "A02"};
        int[] days = {290, 280, 270, 260, 250, 200, 100};
        for (int i = 0; i < days.length; i++) {
            move("f", ladder[i], ladder[i + 1], days[i]);
        }
        stands("f", "A02", 100, "A", null, null);
        prospect("g", manager, "NORTH", "PROSPECT", 50);
        move("g", "A21", "A08", 45);
        move("g", "A08", "A31", 15);
        stands("g", "A31", 15, null, null, "HAS_SUPPLIER");
        prospect("h", other, "EAST", "PROSPECT", 100);
        move("h", "A21", "A08", 20);
        stands("h", "A08", 20, "A", null, null);
        prospect("deleted", manager, "EAST", "PROSPECT", 100);
        move("deleted", "A21", "A08", 5);
        stands("deleted", "A08", 5, null, null, null);
        jdbc.update("UPDATE customer SET deleted = TRUE WHERE id = ?", id("deleted"));
        prospect("active", manager, "EAST", "ACTIVE", 100);
    }

    long id(String key) {
        return customers.get(key).getId();
    }

    String name(String key) {
        return customers.get(key).getName();
    }

    /** 10:00 in Shanghai, {@code daysAgo} days before today. */
    Instant day(int daysAgo) {
        return today.minusDays(daysAgo).atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    private void prospect(String key, AppUser owner, String region, String status, int createdDaysAgo) {
        Customer c = fixtures.customer(owner, Fixtures.unique("漏斗" + key));
        customers.put(key, c);
        jdbc.update("UPDATE customer SET region = ?, status = ?, created_at = ? WHERE id = ?", region, status,
                Timestamp.from(day(createdDaysAgo)), c.getId());
    }

    private void move(String key, String from, String to, int daysAgo) {
        jdbc.update("""
                INSERT INTO prospect_stage_change (customer_id, from_stage, to_stage, changed_at, changed_by, ladder_version)
                VALUES (?, ?, ?, ?, 'test', 0)""", id(key), from, to, Timestamp.from(day(daysAgo)));
    }

    private void stands(String key, String stage, int sinceDaysAgo, String close, String value, String reason) {
        jdbc.update("""
                INSERT INTO prospect (customer_id, stage, stage_since, close_class, expected_monthly_value, refusal_reason,
                                      version)
                VALUES (?, ?, ?, ?, ?, ?, 0)""", id(key), stage, Timestamp.from(day(sinceDaysAgo)), close,
                value == null ? null : new BigDecimal(value), reason);
    }
}
