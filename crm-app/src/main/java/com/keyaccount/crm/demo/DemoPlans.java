package com.keyaccount.crm.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seed 000's organisation in the demo book (issue 19): each manager's targets for this quarter and
 * this year (what their book sold in the same days a year before, plus 15%, rounded to ten thousand
 * yuan), and quarterly account plans for their biggest accounts, which the first classification
 * makes top-tier: zhang's submitted and waiting for the director, his second approved, li's
 * returned with the director's comments, and zhang's plan of last quarter approved, to review.
 */
final class DemoPlans {

    private final JdbcTemplate jdbc;
    private final Instant now;
    private final LocalDate today;

    DemoPlans(JdbcTemplate jdbc, Instant now, LocalDate today) {
        this.jdbc = jdbc;
        this.now = now;
        this.today = today;
    }

    /** @return the plans written */
    int write() {
        LocalDate quarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        targets("QUARTER", quarter, quarter.plusMonths(3).minusDays(1));
        targets("YEAR", today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1));
        List<Long> zhang = biggest("zhang");
        List<Long> li = biggest("li");
        int written = 0;
        written += plan(zhang, 0, quarter, "SUBMITTED", null, "签订明年框架协议，扩大二期产线的供货份额。");
        written += plan(zhang, 1, quarter, "APPROVED", "同意。注意回款节奏。", "保持季度订单量，推动新品试用。");
        written += plan(li, 0, quarter, "RETURNED", "请补充与技术部的交流安排和预计费用。", "争取年底前完成年度招标入围。");
        written += plan(zhang, 0, quarter.minusMonths(3), "APPROVED", "同意。", "完成年中回访，确认下半年采购计划。");
        return written;
    }

    /** Each manager's target: their book's net revenue in the same days a year before, plus 15%. */
    private void targets(String kind, LocalDate first, LocalDate last) {
        for (var row : jdbc.queryForList("""
                SELECT u.id, COALESCE(s.before, 0) AS before, COALESCE(s.orders, 0) AS orders
                FROM app_user u LEFT JOIN (
                    SELECT c.owner_id, SUM(o.amount) AS before, COUNT(DISTINCT o.order_no) AS orders
                    FROM sales_order o JOIN customer c ON c.id = o.customer_id
                    WHERE o.order_date BETWEEN ? AND ? GROUP BY c.owner_id) s ON s.owner_id = u.id
                WHERE u.role = 'ACCOUNT_MANAGER'""", Date.valueOf(first.minusYears(1)),
                Date.valueOf(last.minusYears(1)))) {
            BigDecimal before = (BigDecimal) row.get("before");
            BigDecimal target = before.multiply(new BigDecimal("1.15")).divide(BigDecimal.valueOf(10_000), 0,
                    RoundingMode.UP).multiply(BigDecimal.valueOf(10_000));
            long orders = Math.max(5, Math.round(((Number) row.get("orders")).longValue() * 1.1));
            jdbc.update("""
                    INSERT INTO sales_target (user_id, period_kind, period_start, revenue, orders, new_key_accounts,
                        updated_by, updated_at) VALUES (?, ?, ?, ?, ?, 2, 'director', ?)""", row.get("id"), kind,
                    Date.valueOf(first), target.max(new BigDecimal("500000")), orders, Timestamp.from(now));
        }
    }

    /** The manager's customers by the year's net revenue: the ones the classification puts on top. */
    private List<Long> biggest(String manager) {
        return jdbc.queryForList("""
                SELECT c.id FROM customer c JOIN app_user u ON u.id = c.owner_id
                JOIN sales_order o ON o.customer_id = c.id AND o.order_date > ?
                WHERE u.username = ? AND c.deleted = FALSE AND c.status = 'ACTIVE'
                GROUP BY c.id ORDER BY SUM(o.amount) DESC, c.id LIMIT 2""", Long.class,
                Date.valueOf(today.minusYears(1)), manager);
    }

    private int plan(List<Long> customers, int nth, LocalDate quarter, String status, String comment, String goals) {
        if (customers.size() <= nth) {
            return 0;
        }
        long customer = customers.get(nth);
        Timestamp written = Timestamp.from(now.minus(quarter.isBefore(today.withDayOfMonth(1).minusMonths(2))
                ? 80 : 3, ChronoUnit.DAYS));
        boolean decided = !"SUBMITTED".equals(status);
        jdbc.update("""
                INSERT INTO account_plan (customer_id, quarter_start, author_id, status, goals, expected_revenue,
                    resources, submitted_at, decided_by, decided_at, decision_comment, created_at, updated_at)
                SELECT c.id, ?, c.owner_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                FROM customer c WHERE c.id = ?""", Date.valueOf(quarter), status, goals, new BigDecimal("800000"),
                "需要技术部安排一次现场交流；样品两套。", written, decided ? "director" : null, decided ? written : null,
                comment, written, written, customer);
        long plan = jdbc.queryForObject("SELECT id FROM account_plan WHERE customer_id = ? AND quarter_start = ?",
                Long.class, customer, Date.valueOf(quarter));
        action(plan, 0, "拜访采购总监，确认明年需求", quarter.plusDays(20), customer, "VISIT");
        action(plan, 1, "电话跟进样品试用反馈", quarter.plusDays(45), customer, "PHONE");
        action(plan, 2, "安排技术交流会", quarter.plusMonths(2).plusDays(10), customer, null);
        return 1;
    }

    private void action(long plan, int position, String what, LocalDate due, long customer, String channel) {
        jdbc.update("""
                INSERT INTO account_plan_action (plan_id, position, description, due_on, owner_id, channel)
                SELECT ?, ?, ?, ?, owner_id, ? FROM customer WHERE id = ?""", plan, position, what, Date.valueOf(due),
                channel, customer);
    }
}
