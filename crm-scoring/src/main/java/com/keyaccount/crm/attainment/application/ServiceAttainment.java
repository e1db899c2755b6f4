package com.keyaccount.crm.attainment.application;

import com.keyaccount.crm.scoring.satisfaction.NetPromoterScore;
import com.keyaccount.crm.scoring.service.ServiceKpi;
import com.keyaccount.crm.scoring.service.ServiceKpi.OnTime;
import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import com.keyaccount.crm.user.Scope;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Service beside contacts and visits in attainment (issue 18): complaints answered and resolved
 * by their deadlines and surveys answered, per account manager and tier of the customer today
 * (as contacts and visits are counted), over the same customers (not deleted, not lost). Two
 * grouped statements, one row per manager and tier each: complaints and surveys are never read
 * one by one.
 */
@Component
class ServiceAttainment {

    /** One manager's customers of one tier. */
    record Key(long ownerId, Tier tier) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    ServiceAttainment(JdbcClient jdbc, Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** The figures of [from, to] by manager and tier, of the books in scope. */
    Map<Key, ServiceKpi> of(LocalDate from, LocalDate to, Scope book) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", start(from));
        params.put("to", start(to.plusDays(1)));
        params.put("now", Timestamp.from(clock.instant()));
        String mine = book.all() ? "" : "AND " + book.sql("c.owner_id");
        Map<Key, ServiceKpi> found = new HashMap<>();
        // a deadline counts in the period it fell in, once decided: met (even early), or passed unmet
        jdbc.sql("""
                SELECT c.owner_id, t.effective_tier,
                       SUM(CASE WHEN k.answer_due_at >= :from AND k.answer_due_at < :to
                                 AND (k.answered_at <= k.answer_due_at OR k.answer_due_at < :now) THEN 1 ELSE 0 END) AS answer_due,
                       SUM(CASE WHEN k.answer_due_at >= :from AND k.answer_due_at < :to
                                 AND k.answered_at <= k.answer_due_at THEN 1 ELSE 0 END) AS answer_met,
                       SUM(CASE WHEN k.resolve_due_at >= :from AND k.resolve_due_at < :to
                                 AND (k.resolved_at <= k.resolve_due_at OR k.resolve_due_at < :now) THEN 1 ELSE 0 END) AS resolve_due,
                       SUM(CASE WHEN k.resolve_due_at >= :from AND k.resolve_due_at < :to
                                 AND k.resolved_at <= k.resolve_due_at THEN 1 ELSE 0 END) AS resolve_met
                FROM complaint k JOIN customer c ON c.id = k.customer_id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                WHERE ((k.answer_due_at >= :from AND k.answer_due_at < :to)
                       OR (k.resolve_due_at >= :from AND k.resolve_due_at < :to))
                  AND c.deleted = FALSE AND c.status <> 'LOST' %s
                GROUP BY c.owner_id, t.effective_tier""".formatted(mine))
                .params(params).query(rs -> {
                    ServiceKpi kpi = new ServiceKpi(new OnTime(rs.getLong("answer_due"), rs.getLong("answer_met")),
                            new OnTime(rs.getLong("resolve_due"), rs.getLong("resolve_met")), 0, BigDecimal.ZERO, 0,
                            ServiceKpi.NONE.nps());
                    found.merge(key(rs.getLong("owner_id"), rs.getString("effective_tier")), kpi, ServiceKpi::plus);
                });
        jdbc.sql("""
                SELECT c.owner_id, t.effective_tier, COUNT(*) AS n, SUM(r.score) AS score_sum, COUNT(r.score) AS scored,
                       SUM(CASE WHEN r.recommend >= 9 THEN 1 ELSE 0 END) AS promoters,
                       SUM(CASE WHEN r.recommend BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS passives,
                       SUM(CASE WHEN r.recommend <= 6 THEN 1 ELSE 0 END) AS detractors
                FROM survey_response r JOIN customer c ON c.id = r.customer_id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                WHERE r.answered_at >= :from AND r.answered_at < :to
                  AND c.deleted = FALSE AND c.status <> 'LOST' %s
                GROUP BY c.owner_id, t.effective_tier""".formatted(mine))
                .params(params).query(rs -> {
                    ServiceKpi kpi = new ServiceKpi(OnTime.NONE, OnTime.NONE, rs.getLong("n"),
                            Objects.requireNonNullElse(rs.getBigDecimal("score_sum"), BigDecimal.ZERO),
                            rs.getLong("scored"), new NetPromoterScore(rs.getLong("promoters"), rs.getLong("passives"),
                                    rs.getLong("detractors")));
                    found.merge(key(rs.getLong("owner_id"), rs.getString("effective_tier")), kpi, ServiceKpi::plus);
                });
        return found;
    }

    /** An unclassified customer counts as C, as in the rest of attainment. */
    private static Key key(long ownerId, String tier) {
        return new Key(ownerId, tier == null ? Tier.C : Tier.valueOf(tier));
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
