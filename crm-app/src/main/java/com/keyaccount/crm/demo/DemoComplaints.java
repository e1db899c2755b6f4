package com.keyaccount.crm.demo;

import com.keyaccount.crm.complaint.rules.ServicePolicy;
import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.scoring.complaint.ComplaintDeadlines;
import com.keyaccount.crm.scoring.complaint.ComplaintDeadlines.Deadlines;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A handful of complaints in the demo book, one at each step, so the complaint pages, My day and
 * the service panel have something to show: zhang has one overdue (received over a week ago,
 * never answered), one just received and one confirmed; li one answered; wang a critical one
 * resolved and waiting for the customer's confirmation. Deadlines as the default policy gives them.
 */
final class DemoComplaints {

    private final JdbcTemplate jdbc;
    private final Instant now;
    private final ZoneId zone;
    private final WorkingCalendar calendar;

    DemoComplaints(JdbcTemplate jdbc, Instant now, ZoneId zone, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.now = now;
        this.zone = zone;
        this.calendar = calendar;
    }

    private record Demo(String manager, int nth, String category, Severity severity, String text, Duration ago,
            String status, String answer, String resolution) {
    }

    int write() {
        List<Demo> demos = List.of(
                new Demo("zhang", 0, "DELIVERY", Severity.MAJOR, "上周订单到货晚了四天，产线停工半天，要求说明原因和补偿方案。",
                        Duration.ofDays(9), "RECEIVED", null, null),
                new Demo("zhang", 1, "PRODUCT_QUALITY", Severity.MINOR, "新批次包装有破损，约 3% 的产品外观划伤。",
                        Duration.ofHours(1), "RECEIVED", null, null),
                new Demo("zhang", 2, "SERVICE", Severity.MINOR, "客服电话多次无人接听。",
                        Duration.ofDays(25), "CONFIRMED", "已致歉，安排专人对接。", "开通专线，指定客服专员，客户电话确认满意。"),
                new Demo("li", 0, "BILLING", Severity.MAJOR, "三月发票金额与合同不符。",
                        Duration.ofDays(1), "ANSWERED", "已核对，财务重新开票。", null),
                new Demo("wang", 0, "PRODUCT_QUALITY", Severity.CRITICAL, "关键部件批量失效，客户要求停线排查。",
                        Duration.ofDays(4), "RESOLVED", "技术人员当天到场。", "更换整批部件，提供 8D 报告。"));
        int written = 0;
        for (Demo d : demos) {
            List<Long> customers = jdbc.queryForList("""
                    SELECT c.id FROM customer c JOIN app_user u ON u.id = c.owner_id
                    WHERE u.username = ? AND c.deleted = FALSE AND c.status = 'ACTIVE' ORDER BY c.id LIMIT 5""",
                    Long.class, d.manager());
            if (customers.size() > d.nth()) {
                write(customers.get(d.nth()), d);
                written++;
            }
        }
        return written;
    }

    private void write(long customerId, Demo d) {
        Instant received = now.minus(d.ago());
        Deadlines due = ComplaintDeadlines.of(ServicePolicy.DEFAULT, Tier.C, d.severity(),
                LocalDateTime.ofInstant(received, zone), calendar);
        Instant answerDue = due.answerBy().atZone(zone).toInstant();
        Instant resolveDue = due.resolveBy().atZone(zone).toInstant();
        // answered and resolved well inside their deadlines, in working time or not
        Instant answered = d.answer() == null ? null : received.plus(Duration.ofMinutes(90));
        Instant resolved = d.resolution() == null ? null : received.plus(Duration.ofHours(20));
        Instant confirmed = "CONFIRMED".equals(d.status()) ? received.plus(Duration.ofDays(3)) : null;
        jdbc.update("""
                INSERT INTO complaint (customer_id, owner_id, channel, category, severity, description, status, tier,
                    policy_version, received_at, received_by, answer_due_at, resolve_due_at, answer, answered_at,
                    answered_by, resolution, resolved_at, resolved_by, confirmed_at, confirmed_by, submission_token)
                SELECT c.id, c.owner_id, 'PHONE', ?, ?, ?, ?, 'C', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                FROM customer c WHERE c.id = ?""", d.category(), d.severity().name(), d.text(), d.status(),
                ts(received), d.manager(), ts(answerDue), ts(resolveDue), d.answer(), ts(answered),
                answered == null ? null : d.manager(), d.resolution(), ts(resolved),
                resolved == null ? null : d.manager(), ts(confirmed), confirmed == null ? null : d.manager(),
                "demo:" + UUID.randomUUID(), customerId);
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM complaint WHERE customer_id = ?", Long.class, customerId);
        step(id, "RECEIVED", null, d.manager(), received);
        if (answered != null) {
            step(id, "ANSWERED", d.answer(), d.manager(), answered);
        }
        if (resolved != null) {
            step(id, "RESOLVED", d.resolution(), d.manager(), resolved);
        }
        if (confirmed != null) {
            step(id, "CONFIRMED", null, d.manager(), confirmed);
        }
    }

    private void step(long complaintId, String step, String note, String actor, Instant at) {
        jdbc.update("INSERT INTO complaint_step (complaint_id, step, note, actor, occurred_at) VALUES (?, ?, ?, ?, ?)",
                complaintId, step, note, actor, ts(at));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
