package com.keyaccount.crm.dashboard.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.keyaccount.crm.dashboard.application.Overview.CurvePoint;
import com.keyaccount.crm.dashboard.application.Overview.Group;
import com.keyaccount.crm.kept.FigureVersion;
import com.keyaccount.crm.kept.FigureVersion.Versioned;
import com.keyaccount.crm.productline.ProductLine;
import com.keyaccount.crm.productline.ProductLineRepository;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierQueries;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.tier.rules.TierMethod;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every figure by SQL aggregation over the filtered customers (never loading them): the same
 * numbers feed the charts, the tables and the CSV. Revenue is net of credit notes and returns,
 * over the window of the tier policy in force ending today — the window the recompute ranks on,
 * so the curve agrees with the tiers it explains.
 */
@Service
public class Dashboards {

    private static final Comparator<Group> LARGEST_FIRST = Comparator.comparing(Group::revenue).reversed()
            .thenComparing(Group::key, Comparator.nullsLast(Comparator.naturalOrder()));

    private final JdbcTemplate jdbc;
    private final TierQueries tiers;
    private final ProductLineRepository productLines;
    private final Clock clock;
    private final ZoneId zone;
    private final FigureVersion version;
    /**
     * The aggregates over 100k customers take half a second and change only when tiers are
     * recomputed or customers change: each filter's overview is kept briefly, computed once
     * however many directors open it at the same moment, under the {@link FigureVersion} such a
     * change raises on any instance (so the next request after it, here or elsewhere, recomputes).
     */
    private final Cache<Versioned<DashboardFilter>, Overview> recent;

    public Dashboards(JdbcTemplate jdbc, TierQueries tiers, ProductLineRepository productLines, Clock clock,
            ZoneId businessZone, FigureVersion version) {
        this.jdbc = jdbc;
        this.version = version;
        this.tiers = tiers;
        this.productLines = productLines;
        this.clock = clock;
        this.zone = businessZone;
        this.recent = version.cache(1_000);
    }

    /** No transaction of its own: see {@link FigureVersion#kept}. */
    public Overview overview(DashboardFilter filter) {
        return version.kept(recent, filter, this::compute);
    }

    /** The product lines the filter offers, by code. */
    public List<ProductLine> productLines() {
        return productLines.findAllByOrderByCodeAsc();
    }

    public Optional<ProductLine> productLine(long id) {
        return productLines.findById(id);
    }

    /** Computed now, past the cache: what the benchmark times as "the SQL alone". */
    @Transactional(readOnly = true)
    public Overview compute(DashboardFilter filter) {
        TierPolicy policy = tiers.policyInForce().orElse(null);
        LocalDate to = LocalDate.now(clock.withZone(zone));
        LocalDate from = to.minusMonths(policy == null ? 12 : policy.getWindowMonths()).plusDays(1);
        boolean lineTiers = filter.productLine() != null && policy != null && policy.getScope() == Scope.PRODUCT_LINE;
        Measure measure = policy == null || policy.getMeasure() == null ? Measure.NET_REVENUE : policy.getMeasure();
        OverviewScope scope = new OverviewScope(filter, from, to, lineTiers);
        List<Cell> cells = cells(scope);
        TierPolicy pareto = policy != null && policy.getMethod() == TierMethod.PARETO ? policy : null;
        return new Overview(filter, from, to, total(cells), groups(cells, Cell::tier), groups(cells, Cell::region),
                groups(cells, Cell::industry), measure, curve(scope, measure),
                pareto == null ? null : pareto.paretoCutoffs().a(), pareto == null ? null : pareto.paretoCutoffs().b(),
                lineTiers);
    }

    /** Figures per tier, region and industry at once: a few hundred cells, summed up here by each. */
    private record Cell(String tier, String region, String industry, Group figures) {
    }

    private List<Cell> cells(OverviewScope scope) {
        return jdbc.query("""
                SELECT %1$s AS tier, c.region, c.industry, COUNT(*) AS customers, SUM(s.revenue) AS revenue,
                       SUM(s.credits) AS credits, SUM(s.margin) AS margin
                FROM %2$s GROUP BY %1$s, c.region, c.industry""".formatted(scope.tier(), scope.from()),
                (rs, n) -> new Cell(rs.getString("tier"), rs.getString("region"), rs.getString("industry"),
                        new Group(null, rs.getLong("customers"), zeroIfNull(rs.getBigDecimal("revenue")),
                                zeroIfNull(rs.getBigDecimal("credits")), rs.getBigDecimal("margin"))),
                scope.args());
    }

    private static Group total(List<Cell> cells) {
        return cells.stream().map(Cell::figures).reduce(Group.empty(null), Group::plus);
    }

    private static List<Group> groups(List<Cell> cells, Function<Cell, String> key) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Cell cell : cells) {
            String k = key.apply(cell);
            groups.merge(k, withKey(k, cell.figures()), Group::plus);
        }
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort(LARGEST_FIRST);
        return sorted;
    }

    private static Group withKey(String key, Group g) {
        return new Group(key, g.customers(), g.revenue(), g.creditNotes(), g.margin());
    }

    /**
     * Customers ranked by the measure (a net of zero or less counts as zero, as in the ranking),
     * the cumulative measure after each: one point per percent of customers (all of them when
     * there are fewer than a hundred), computed by window functions.
     */
    private List<CurvePoint> curve(OverviewScope scope, Measure measure) {
        String value = measure == Measure.GROSS_MARGIN ? "s.margin" : "s.revenue";
        return jdbc.query("""
                WITH v AS (SELECT c.id, GREATEST(COALESCE(%1$s, 0), 0) AS v FROM %2$s),
                ranked AS (
                    SELECT ROW_NUMBER() OVER (ORDER BY v DESC, id) AS rn,
                           COUNT(*) OVER () AS n,
                           SUM(v) OVER (ORDER BY v DESC, id ROWS UNBOUNDED PRECEDING) AS cumulative,
                           SUM(v) OVER () AS total
                    FROM v)
                SELECT rn, n, cumulative, total FROM ranked
                WHERE (rn * 100) / n > ((rn - 1) * 100) / n ORDER BY rn""".formatted(value, scope.from()),
                (rs, i) -> new CurvePoint(rs.getLong("rn"), rs.getLong("n"), zeroIfNull(rs.getBigDecimal("cumulative")),
                        zeroIfNull(rs.getBigDecimal("total"))),
                scope.args());
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return Objects.requireNonNullElse(value, BigDecimal.ZERO);
    }
}
