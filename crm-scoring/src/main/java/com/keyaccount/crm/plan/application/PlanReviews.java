package com.keyaccount.crm.plan.application;

import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.plan.PlanView;
import com.keyaccount.crm.plan.Quarter;
import com.keyaccount.crm.scoring.plan.ActionProgress;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what was done at an account in a plan's quarter and sets it beside the plan. The caller
 * has already checked the viewer may see the account (the plan came from {@code AccountPlans}).
 */
@Service
@Transactional(readOnly = true)
public class PlanReviews {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    PlanReviews(JdbcClient jdbc, Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** The plan's review once its quarter has begun; empty before. */
    public Optional<PlanReview> of(PlanView plan) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Quarter quarter = plan.quarter();
        if (today.isBefore(quarter.first())) {
            return Optional.empty();
        }
        LocalDate to = today.isBefore(quarter.last()) ? today : quarter.last();
        List<ActionProgress.Logged> logged = jdbc.sql("""
                SELECT occurred_at, author_id, channel FROM contact_log
                WHERE customer_id = :customer AND occurred_at >= :from AND occurred_at < :until
                """).param("customer", plan.customerId()).param("from", start(quarter.first()))
                .param("until", start(to.plusDays(1)))
                .query((rs, n) -> new ActionProgress.Logged(
                        rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate(), rs.getLong(2),
                        Channel.valueOf(rs.getString(3))))
                .list();
        List<ActionProgress.Planned> planned = plan.actions().stream()
                .map(a -> new ActionProgress.Planned(a.dueOn(), a.ownerId(), a.channel())).toList();
        List<ActionProgress.Progress> progress = ActionProgress.of(planned, logged, quarter.first(), to, today);
        Sales now = sales(plan.customerId(), quarter.first(), to);
        Quarter before = quarter.yearBefore();
        Sales yearBefore = sales(plan.customerId(), before.first(), to.minusYears(1));
        int visits = (int) logged.stream().filter(l -> l.channel().isOnSite()).count();
        return Optional.of(new PlanReview(progress, logged.size(), visits, now.orders(), now.revenue(),
                yearBefore.orders() == 0 && yearBefore.revenue().signum() == 0 ? null : yearBefore.revenue(),
                plan.expectedRevenue()));
    }

    private record Sales(long orders, BigDecimal revenue) {
    }

    /** Orders (distinct numbers with a sale) and net revenue (credit notes subtracted) in the days given. */
    private Sales sales(long customerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT CASE WHEN amount > 0 THEN order_no END), COALESCE(SUM(amount), 0)
                FROM sales_order WHERE customer_id = :customer AND order_date BETWEEN :from AND :to
                """).param("customer", customerId).param("from", from).param("to", to)
                .query((rs, n) -> new Sales(rs.getLong(1), rs.getBigDecimal(2))).single();
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
