package com.keyaccount.crm.churn.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.followup.application.QuotaPolicies;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.scoring.churn.ChurnFigures;
import com.keyaccount.crm.scoring.churn.ChurnSignal;
import com.keyaccount.crm.scoring.churn.ChurnSignals;
import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 流失预警: one SQL pass aggregates each customer's last 180 days of orders, payments, latest
 * contact and latest downgrade, and (issue 18) its open complaints past a deadline and latest
 * satisfaction scores ({@link ServiceColumns}); crm-scoring decides which signals fire. Revenue is net: a credit
 * note or return counts on its own date (a wave of returns lowers the recent period), and only
 * sales count towards days to pay. Only flagged customers
 * are kept (most signals first), so memory does not grow with the book.
 */
@Service
@Transactional(readOnly = true)
public class ChurnWarnings {

    /** Customers per page; the total is always exact. */
    public static final int PAGE_SIZE = 50;
    static final int PERIOD_DAYS = 90;

    private final JdbcTemplate jdbc;
    private final QuotaPolicies quotaPolicies;
    private final Clock clock;
    private final ZoneId zone;
    private final String daysToPay;
    /**
     * The dashboard's KPI card asks at every visit; the scan reads the whole filtered book, so a
     * filter's count is kept as briefly as the overview's figures.
     */
    private final Cache<DashboardFilter, Counts> counts;

    public ChurnWarnings(JdbcTemplate jdbc, QuotaPolicies quotaPolicies, Clock clock, ZoneId businessZone,
            DatabaseVendor database, @Value("${crm.dashboard.cache-seconds:60}") int cacheSeconds) {
        this.counts = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofSeconds(cacheSeconds))
                .build();
        this.jdbc = jdbc;
        this.quotaPolicies = quotaPolicies;
        this.clock = clock;
        this.zone = businessZone;
        this.daysToPay = database.isH2() ? "DATEDIFF('DAY', order_date, paid_date)" : "(paid_date - order_date)";
    }

    /** One page of the warning list for the filter, and how many customers are on it in all. */
    public record Result(ChurnThresholds thresholds, List<ChurnWarning> warnings, long total, int page) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

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
        scan(filter, thresholds.downgradeWithinDays(), today, (figures, rs) -> {
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
        return counts.get(filter, this::countNow);
    }

    private Counts countNow(DashboardFilter filter) {
        ChurnThresholds thresholds = thresholds();
        long[] count = new long[3];
        scan(filter, thresholds.downgradeWithinDays(), LocalDate.now(clock.withZone(zone)), (figures, rs) -> {
            List<ChurnSignal> signals = ChurnSignals.of(figures, thresholds);
            count[0] += signals.isEmpty() ? 0 : 1;
            count[1] += signals.stream().anyMatch(ChurnSignal.ComplaintOverdue.class::isInstance) ? 1 : 0;
            count[2] += signals.stream().anyMatch(ChurnSignal.SatisfactionDrop.class::isInstance) ? 1 : 0;
        });
        return new Counts(count[0], count[1], count[2]);
    }

    /** The whole list for the filter, in the page's order: "Export this view". */
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

    public FlaggedCounts compare(ChurnThresholds draft) {
        ChurnThresholds now = thresholds();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long[] counts = new long[2];
        // the latest downgrade in the longer window is the one either threshold looks at
        scan(new DashboardFilter(null, null, null), Math.max(now.downgradeWithinDays(), draft.downgradeWithinDays()),
                today, (figures, rs) -> {
                    counts[0] += ChurnSignals.of(figures, now).isEmpty() ? 0 : 1;
                    counts[1] += ChurnSignals.of(figures, draft).isEmpty() ? 0 : 1;
                });
        return new FlaggedCounts(counts[0], counts[1]);
    }

    private interface FiguresHandler {
        void handle(ChurnFigures figures, ResultSet rs) throws SQLException;
    }

    /** One pass over the filtered book, streaming each customer's figures. */
    private void scan(DashboardFilter filter, int downgradeWindowDays, LocalDate today, FiguresHandler handler) {
        VisitQuotas quotas = quotaPolicies.current().quotas();
        LocalDate recentFrom = today.minusDays(PERIOD_DAYS);
        LocalDate previousFrom = recentFrom.minusDays(PERIOD_DAYS);
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(SQL.formatted(daysToPay, where, ServiceColumns.COLUMNS,
                    ServiceColumns.JOINS));
            ps.setFetchSize(5_000);
            int i = 1;
            for (Date day : List.of(Date.valueOf(recentFrom), Date.valueOf(recentFrom), Date.valueOf(recentFrom),
                    Date.valueOf(recentFrom), Date.valueOf(recentFrom), Date.valueOf(previousFrom),
                    Date.valueOf(today))) {
                ps.setDate(i++, day);
            }
            ps.setTimestamp(i++, Timestamp.from(today.minusDays(downgradeWindowDays).atStartOfDay(zone).toInstant()));
            i = ServiceColumns.bind(ps, i, clock.instant(), today, zone);
            for (Object arg : args) {
                ps.setObject(i++, arg);
            }
            return ps;
        }, rs -> {
            handler.handle(figures(rs, today, quotas), rs);
        });
    }

    private ChurnFigures figures(ResultSet rs, LocalDate today, VisitQuotas quotas) throws SQLException {
        Tier tier = Tier.valueOf(rs.getString("tier"));
        Date lastContact = rs.getDate("last_contact_on");
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        OffsetDateTime downgraded = rs.getObject("downgraded_at", OffsetDateTime.class);
        return new ChurnFigures(rs.getLong("id"), today, rs.getBigDecimal("rev_recent"),
                rs.getBigDecimal("rev_previous"), rs.getBigDecimal("credits_recent"), number(rs, "pay_recent"), number(rs, "pay_previous"),
                lastContact == null ? null : lastContact.toLocalDate(), LocalDate.ofInstant(created.toInstant(), zone),
                quotas.of(tier).anyContact().atLeastEveryDays(),
                downgraded == null ? null : LocalDate.ofInstant(downgraded.toInstant(), zone),
                tierOrNull(rs.getString("from_tier")), tierOrNull(rs.getString("to_tier")), ServiceColumns.read(rs, zone));
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Tier tierOrNull(String value) {
        return value == null ? null : Tier.valueOf(value);
    }

    private static final String SQL = """
            SELECT c.id, c.code, c.name, u.display_name AS owner, c.created_at,
                   COALESCE(t.effective_tier, 'C') AS tier, f.last_contact_on,
                   a.rev_recent, a.rev_previous, a.credits_recent, a.pay_recent, a.pay_previous,
                   d.changed_at AS downgraded_at, d.from_tier, d.to_tier%3$s
            FROM customer c JOIN app_user u ON u.id = c.owner_id
            LEFT JOIN customer_tier t ON t.customer_id = c.id
            LEFT JOIN follow_up f ON f.customer_id = c.id
            LEFT JOIN (SELECT customer_id,
                              SUM(CASE WHEN order_date > ? THEN amount END) AS rev_recent,
                              SUM(CASE WHEN order_date <= ? THEN amount END) AS rev_previous,
                              SUM(CASE WHEN order_date > ? AND amount < 0 THEN amount END) AS credits_recent,
                              AVG(CASE WHEN order_date > ? AND amount >= 0 AND paid_date IS NOT NULL THEN %1$s END)
                                  AS pay_recent,
                              AVG(CASE WHEN order_date <= ? AND amount >= 0 AND paid_date IS NOT NULL THEN %1$s END)
                                  AS pay_previous
                       FROM sales_order WHERE order_date > ? AND order_date <= ?
                       GROUP BY customer_id) a ON a.customer_id = c.id
            LEFT JOIN (SELECT customer_id, changed_at, from_tier, to_tier FROM (
                           SELECT customer_id, changed_at, from_tier, to_tier,
                                  ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY changed_at DESC, id DESC) AS rn
                           FROM tier_change
                           WHERE changed_at >= ? AND from_tier IS NOT NULL AND to_tier > from_tier) x
                       WHERE rn = 1) d ON d.customer_id = c.id
            %4$s
            WHERE %2$s AND c.status <> 'LOST'""";
}
