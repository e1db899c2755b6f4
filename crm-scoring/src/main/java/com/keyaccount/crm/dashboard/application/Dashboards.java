package com.keyaccount.crm.dashboard.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.keyaccount.crm.customer.CustomerChanged;
import com.keyaccount.crm.dashboard.application.Overview.CurvePoint;
import com.keyaccount.crm.dashboard.application.Overview.Group;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierQueries;
import com.keyaccount.crm.tier.TiersChanged;
import com.keyaccount.crm.tier.rules.TierMethod;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every figure by SQL aggregation over the filtered customers (never loading them): the same
 * numbers feed the charts, the tables and the CSV. Revenue is the revenue in the tier policy's
 * window that the last recompute stored, so the curve agrees with the tiers it explains.
 */
@Service
@Transactional(readOnly = true)
public class Dashboards {

    private final JdbcTemplate jdbc;
    private final TierQueries tiers;
    /**
     * The aggregates over 100k customers take half a second and change only when tiers are
     * recomputed or customers change: each filter's overview is kept briefly, computed once
     * however many directors open it at the same moment, and dropped on any such change here
     * (other instances see it within the expiry).
     */
    private final Cache<DashboardFilter, Overview> recent;

    public Dashboards(JdbcTemplate jdbc, TierQueries tiers,
            @Value("${crm.dashboard.cache-seconds:60}") int cacheSeconds) {
        this.jdbc = jdbc;
        this.tiers = tiers;
        this.recent = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofSeconds(cacheSeconds))
                .build();
    }

    public Overview overview(DashboardFilter filter) {
        return recent.get(filter, this::compute);
    }

    @EventListener
    void on(TiersChanged event) {
        recent.invalidateAll();
    }

    @EventListener
    void on(CustomerChanged event) {
        recent.invalidateAll();
    }

    /** Computed now, past the cache: what the benchmark times as "the SQL alone". */
    public Overview compute(DashboardFilter filter) {
        List<Group> byTier = groups("t.effective_tier", filter);
        long customers = byTier.stream().mapToLong(Group::customers).sum();
        BigDecimal revenue = byTier.stream().map(Group::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        TierPolicy policy = tiers.policyInForce().filter(p -> p.getMethod() == TierMethod.PARETO).orElse(null);
        return new Overview(filter, customers, revenue, byTier, groups("c.region", filter),
                groups("c.industry", filter), curve(filter), policy == null ? null : policy.paretoCutoffs().a(),
                policy == null ? null : policy.paretoCutoffs().b());
    }

    private List<Group> groups(String column, DashboardFilter filter) {
        List<Object> args = filter.newArgs();
        String where = filter.where(args);
        return jdbc.query("""
                SELECT %1$s AS k, COUNT(*) AS customers, COALESCE(SUM(t.revenue), 0) AS revenue
                FROM customer c LEFT JOIN customer_tier t ON t.customer_id = c.id
                WHERE %2$s GROUP BY %1$s ORDER BY revenue DESC, k""".formatted(column, where),
                (rs, n) -> new Group(rs.getString("k"), rs.getLong("customers"), rs.getBigDecimal("revenue")),
                args.toArray());
    }

    /**
     * Customers ranked by revenue, cumulative revenue after each: one point per percent of
     * customers (all of them when there are fewer than a hundred), computed by window functions.
     */
    private List<CurvePoint> curve(DashboardFilter filter) {
        List<Object> args = filter.newArgs();
        String where = filter.where(args);
        return jdbc.query("""
                WITH ranked AS (
                    SELECT ROW_NUMBER() OVER (ORDER BY COALESCE(t.revenue, 0) DESC, c.id) AS rn,
                           COUNT(*) OVER () AS n,
                           SUM(COALESCE(t.revenue, 0)) OVER (ORDER BY COALESCE(t.revenue, 0) DESC, c.id
                               ROWS UNBOUNDED PRECEDING) AS cumulative,
                           SUM(COALESCE(t.revenue, 0)) OVER () AS total
                    FROM customer c LEFT JOIN customer_tier t ON t.customer_id = c.id
                    WHERE %s)
                SELECT rn, n, cumulative, total FROM ranked
                WHERE (rn * 100) / n > ((rn - 1) * 100) / n ORDER BY rn""".formatted(where),
                (rs, i) -> new CurvePoint(rs.getLong("rn"), rs.getLong("n"),
                        Objects.requireNonNullElse(rs.getBigDecimal("cumulative"), BigDecimal.ZERO),
                        Objects.requireNonNullElse(rs.getBigDecimal("total"), BigDecimal.ZERO)),
                args.toArray());
    }
}
