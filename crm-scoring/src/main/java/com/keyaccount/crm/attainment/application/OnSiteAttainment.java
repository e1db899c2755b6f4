package com.keyaccount.crm.attainment.application;

import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Scope;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evidence of presence beside the visit counts (issue 23), per person: time on site (check-out
 * minus check-in, of check-ins verified at both ends; a check-in without a check-out adds
 * nothing) and days at customers (distinct days with a verified visit the person logged). Both
 * are the manager's own doing, so they are grouped by who checked in or logged, over the same
 * customers as the rest of attainment (not deleted, not lost); time on site also by the
 * customer's tier today. Two grouped statements.
 */
@Component
class OnSiteAttainment {

    /** One person's check-ins at customers of one tier. */
    record Key(long userId, Tier tier) {
    }

    /** Seconds on site by person and tier, and days at customers by person. */
    record Presence(Map<Key, Long> secondsOnSite, Map<Long, Long> daysAtCustomers) {
    }

    private final JdbcClient jdbc;

    OnSiteAttainment(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of [from, to] (business days) of the people in scope. */
    Presence of(LocalDate from, LocalDate to, Scope people) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        String mine = people.all() ? "" : "AND " + people.peopleSql("%s");
        Map<Key, Long> seconds = new HashMap<>();
        jdbc.sql("""
                SELECT k.user_id, t.effective_tier, SUM(k.seconds_on_site) AS seconds
                FROM check_in k JOIN customer c ON c.id = k.customer_id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                WHERE k.business_day >= :from AND k.business_day <= :to AND k.ended = 'CHECKED_OUT'
                  AND k.in_verdict = 'VERIFIED' AND k.out_verdict = 'VERIFIED'
                  AND c.deleted = FALSE AND c.status <> 'LOST' %s
                GROUP BY k.user_id, t.effective_tier""".formatted(mine.formatted("k.user_id")))
                .params(params).query(rs -> {
                    String tier = rs.getString("effective_tier");
                    seconds.merge(new Key(rs.getLong("user_id"), tier == null ? Tier.C : Tier.valueOf(tier)),
                            rs.getLong("seconds"), Long::sum);
                });
        Map<Long, Long> days = new HashMap<>();
        jdbc.sql("""
                SELECT l.author_id, COUNT(DISTINCT v.visit_on) AS days
                FROM visit_check v JOIN contact_log l ON l.id = v.contact_log_id JOIN customer c ON c.id = l.customer_id
                WHERE v.verified = TRUE AND v.visit_on >= :from AND v.visit_on <= :to
                  AND c.deleted = FALSE AND c.status <> 'LOST' %s
                GROUP BY l.author_id""".formatted(mine.formatted("l.author_id")))
                .params(params).query(rs -> {
                    days.put(rs.getLong("author_id"), rs.getLong("days"));
                });
        return new Presence(seconds, days);
    }
}
