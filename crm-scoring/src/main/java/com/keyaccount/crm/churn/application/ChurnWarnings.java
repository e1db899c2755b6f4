package com.keyaccount.crm.churn.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.followup.application.QuotaPolicies;
import com.keyaccount.crm.kept.FigureVersion;
import com.keyaccount.crm.kept.FigureVersion.Versioned;
import com.keyaccount.crm.scoring.churn.ChurnFigures;
import com.keyaccount.crm.scoring.churn.ChurnSignal;
import com.keyaccount.crm.scoring.churn.ChurnSignals;
import com.keyaccount.crm.shared.DatabaseVendor;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 流失预警 ({@link ChurnScan} reads the figures): one SQL pass aggregates each customer's last 180 days of orders, payments, latest
 * contact and latest downgrade, and (issue 18) its open complaints past a deadline and latest
 * satisfaction scores ({@link ServiceColumns}); crm-scoring decides which signals fire. Revenue is net: a credit
 * note or return counts on its own date (a wave of returns lowers the recent period), and only
 * sales count towards days to pay. Only flagged customers
 * are kept (most signals first), so memory does not grow with the book.
 */
@Service
public class ChurnWarnings {

    /** Customers per page; the total is always exact. */
    public static final int PAGE_SIZE = 50;
    static final int PERIOD_DAYS = 90;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final ChurnScan scan;
    private final FigureVersion figures;
    /**
     * The dashboard's KPI card asks at every visit; the scan reads the whole filtered book, so a
     * filter's count is kept as briefly as the overview's figures, under the same {@link FigureVersion}.
     */
    private final Cache<Versioned<DashboardFilter>, Counts> counts;

    public ChurnWarnings(JdbcTemplate jdbc, QuotaPolicies quotaPolicies, Clock clock, ZoneId businessZone,
            DatabaseVendor database, FigureVersion figures) {
        this.figures = figures;
        this.counts = figures.cache(1_000);
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = businessZone;
        this.scan = new ChurnScan(jdbc, quotaPolicies, businessZone, clock, database);
    }

    /** One page of the warning list for the filter, and how many customers are on it in all. */
    public record Result(ChurnThresholds thresholds, List<ChurnWarning> warnings, long total, int page) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    @Transactional(readOnly = true)
    public ChurnThresholds thresholds() {
        return jdbc.queryForObject("""
                SELECT revenue_drop_percent, days_to_pay_increase, silence_factor, downgrade_within_days,
                       complaint_overdue_days, satisfaction_drop_points
                FROM churn_policy WHERE version = (SELECT MAX(version) FROM churn_policy
                    WHERE effective_from IS NULL OR effective_from <= ?)""",
                (rs, n) -> new ChurnThresholds(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6)),
                Date.valueOf(LocalDate.now(clock.withZone(zone))));
    }

    /**
     * The customers most worth keeping first: by revenue at risk, then by how many signals fired.
     * A page past the end is the last page.
     */
    @Transactional(readOnly = true)
    public Result warnings(DashboardFilter filter, int page) {
        ChurnThresholds thresholds = thresholds();
        List<ChurnWarning> flagged = flagged(filter, thresholds);
        int last = Math.max(0, (flagged.size() - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(0, page), last);
        int from = shown * PAGE_SIZE;
        return new Result(thresholds, List.copyOf(flagged.subList(from, Math.min(flagged.size(), from + PAGE_SIZE))),
                flagged.size(), shown);
    }

    private List<ChurnWarning> flagged(DashboardFilter filter, ChurnThresholds thresholds) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<ChurnWarning> flagged = new ArrayList<>();
        scan.each(filter, thresholds.downgradeWithinDays(), today, (figures, rs) -> {
            List<ChurnSignal> signals = ChurnSignals.of(figures, thresholds);
            if (!signals.isEmpty()) {
                flagged.add(new ChurnWarning(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("owner"), rs.getString("tier"), atRisk(figures), signals));
            }
        });
        flagged.sort(Comparator.comparing(ChurnWarning::revenueAtRisk).reversed()
                .thenComparing(Comparator.comparingInt((ChurnWarning w) -> w.signals().size()).reversed())
                .thenComparing(ChurnWarning::name).thenComparingLong(ChurnWarning::customerId));
        return flagged;
    }

    /**
     * How many customers of the filter the list holds, and how many of them for a service
     * signal (a complaint past its deadline, satisfaction dropping): the dashboard's card.
     */
    public record Counts(long total, long complaintOverdue, long satisfactionDrop) {
    }

    /** How many customers of the filter the list holds: the dashboard's KPI, the same scan without keeping rows. */
    public long count(DashboardFilter filter) {
        return counts(filter).total();
    }

    public Counts counts(DashboardFilter filter) {
        return figures.kept(counts, filter, this::countNow);
    }

    private Counts countNow(DashboardFilter filter) {
        ChurnThresholds thresholds = thresholds();
        long[] count = new long[3];
        scan.each(filter, thresholds.downgradeWithinDays(), LocalDate.now(clock.withZone(zone)), (figures, rs) -> {
            List<ChurnSignal> signals = ChurnSignals.of(figures, thresholds);
            count[0] += signals.isEmpty() ? 0 : 1;
            count[1] += signals.stream().anyMatch(ChurnSignal.ComplaintOverdue.class::isInstance) ? 1 : 0;
            count[2] += signals.stream().anyMatch(ChurnSignal.SatisfactionDrop.class::isInstance) ? 1 : 0;
        });
        return new Counts(count[0], count[1], count[2]);
    }

    /** The whole list for the filter, in the page's order: "Export this view". */
    @Transactional(readOnly = true)
    public List<ChurnWarning> all(DashboardFilter filter) {
        return flagged(filter, thresholds());
    }

    private static BigDecimal atRisk(ChurnFigures figures) {
        BigDecimal net = Objects.requireNonNullElse(figures.revenueRecent(), BigDecimal.ZERO)
                .add(Objects.requireNonNullElse(figures.revenuePrevious(), BigDecimal.ZERO));
        return net.signum() > 0 ? net : BigDecimal.ZERO;
    }

    /** How many customers the thresholds in force flag, and how many {@code draft} would, today's tiers alike. */
    public record FlaggedCounts(long now, long draft) {
    }

    @Transactional(readOnly = true)
    public FlaggedCounts compare(ChurnThresholds draft) {
        ChurnThresholds now = thresholds();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long[] counts = new long[2];
        // the latest downgrade in the longer window is the one either threshold looks at
        scan.each(new DashboardFilter(null, null, null), Math.max(now.downgradeWithinDays(), draft.downgradeWithinDays()),
                today, (figures, rs) -> {
                    counts[0] += ChurnSignals.of(figures, now).isEmpty() ? 0 : 1;
                    counts[1] += ChurnSignals.of(figures, draft).isEmpty() ? 0 : 1;
                });
        return new FlaggedCounts(counts[0], counts[1]);
    }
}
