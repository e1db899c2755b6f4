package com.keyaccount.crm.churn.application;

import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.followup.application.QuotaPolicies;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.scoring.churn.ChurnFigures;
import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.Tier;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each customer's churn figures from one SQL pass over the filtered book: the last 180 days of
 * orders, payments, latest contact and latest downgrade, and its service columns
 * ({@link ServiceColumns}); {@link ChurnWarnings} decides with them which signals fire.
 */
final class ChurnScan {

    private final JdbcTemplate jdbc;
    private final QuotaPolicies quotaPolicies;
    private final ZoneId zone;
    private final Clock clock;
    private final String daysToPay;

    ChurnScan(JdbcTemplate jdbc, QuotaPolicies quotaPolicies, ZoneId zone, Clock clock, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.quotaPolicies = quotaPolicies;
        this.zone = zone;
        this.clock = clock;
        this.daysToPay = database.isH2() ? "DATEDIFF('DAY', order_date, paid_date)" : "(paid_date - order_date)";
    }

    interface FiguresHandler {
        void handle(ChurnFigures figures, ResultSet rs) throws SQLException;
    }

    /** One pass over the filtered book, streaming each customer's figures. */
    void each(DashboardFilter filter, int downgradeWindowDays, LocalDate today, FiguresHandler handler) {
        VisitQuotas quotas = quotaPolicies.current().quotas();
        LocalDate recentFrom = today.minusDays(ChurnWarnings.PERIOD_DAYS);
        LocalDate previousFrom = recentFrom.minusDays(ChurnWarnings.PERIOD_DAYS);
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
