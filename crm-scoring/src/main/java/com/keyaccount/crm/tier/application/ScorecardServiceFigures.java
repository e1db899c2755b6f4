package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.rules.Criterion;
import com.keyaccount.crm.tier.rules.Metric;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.TierMethod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures a scorecard may score beyond the window's sales and the profile (issue 16): the
 * latest satisfaction score and the growth against the same window a year earlier. Each costs a
 * read of its own (the surveys; last year's sales lines), so it is read only when the rules in
 * force, or the draft previewed, have a criterion on it. Shared by the recompute and the preview.
 */
@Component
public class ScorecardServiceFigures {

    private final JdbcTemplate jdbc;
    private final WindowFigures windows;
    private final ZoneId zone;

    ScorecardServiceFigures(JdbcTemplate jdbc, DatabaseVendor database, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.windows = new WindowFigures(database);
        this.zone = businessZone;
    }

    /** {@code figures} with what {@code rules}' criteria ask for beyond them; as they are when nothing. */
    public List<CustomerFigures> with(RuleSet rules, Collection<CustomerFigures> figures, LocalDate from,
            LocalDate to) {
        Set<Metric> asked = EnumSet.noneOf(Metric.class);
        if (rules.method() == TierMethod.SCORECARD) {
            rules.scorecard().criteria().stream().map(Criterion::metric).filter(Metric::readOnDemand)
                    .forEach(asked::add);
        }
        if (asked.isEmpty()) {
            return List.copyOf(figures);
        }
        Map<Long, Double> satisfaction = asked.contains(Metric.SATISFACTION) ? latestScores(from, to) : Map.of();
        Map<Long, BigDecimal> lastYear = asked.contains(Metric.REVENUE_GROWTH)
                ? revenue(from.minusYears(1), to.minusYears(1)) : Map.of();
        return figures.stream().map(f -> f.withService(satisfaction.get(f.customerId()),
                growth(f.revenue(), lastYear.get(f.customerId())))).toList();
    }

    /** Percent; none without revenue a year earlier to compare with (a new customer has no growth rate). */
    static Double growth(BigDecimal now, BigDecimal before) {
        if (before == null || before.signum() <= 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, MathContext.DECIMAL64)
                .doubleValue();
    }

    private Map<Long, Double> latestScores(LocalDate from, LocalDate to) {
        Map<Long, Double> latest = new HashMap<>();
        // ordered by time: the last one read for a customer is its latest
        jdbc.query("""
                SELECT customer_id, score FROM survey_response
                WHERE score IS NOT NULL AND answered_at >= ? AND answered_at < ?
                ORDER BY customer_id, answered_at, id""", rs -> {
            latest.put(rs.getLong(1), rs.getDouble(2));
        }, Timestamp.from(from.atStartOfDay(zone).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        return latest;
    }

    private Map<Long, BigDecimal> revenue(LocalDate from, LocalDate to) {
        Map<Long, BigDecimal> revenue = new HashMap<>();
        jdbc.query("SELECT a.customer_id, a.revenue FROM " + windows.aggregate(from, to) + " a", rs -> {
            revenue.put(rs.getLong(1), rs.getBigDecimal(2));
        });
        return revenue;
    }
}
