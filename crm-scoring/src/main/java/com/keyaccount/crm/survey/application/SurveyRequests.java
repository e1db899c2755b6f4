package com.keyaccount.crm.survey.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.scoring.satisfaction.SurveyDue;
import com.keyaccount.crm.survey.SurveyPlan;
import com.keyaccount.crm.tier.Tier;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which customers are due for a satisfaction survey: periodically by tier (the plan's months
 * after the last answer), and after a complaint is confirmed resolved. A customer with a personal
 * link still waiting for its answer is not due again until the link expires. Active and dormant
 * customers only: prospects have nothing to rate yet, lost ones are interviewed instead.
 *
 * <p>The complaints feature calls {@link #afterComplaintResolved(long, String)} when the customer
 * confirms a complaint resolved (no dependency on complaint classes here).
 */
@Service
@Transactional(readOnly = true)
public class SurveyRequests {

    /** {@link #dueCount} counts this many at most: a count that reaches it reads "at least 100". */
    public static final int DUE_COUNT_LIMIT = 100;

    public static final String COMPLAINT_RESOLVED = "COMPLAINT_RESOLVED";

    private final JdbcClient jdbc;
    private final SurveyPlans plans;
    private final SatisfactionStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    SurveyRequests(JdbcClient jdbc, SurveyPlans plans, SatisfactionStore store, AuditTrail audit, Clock clock,
            ZoneId businessZone) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** A customer due for a survey: since when, and whether a resolved complaint asked for it. */
    public record DueSurvey(long customerId, String name, Tier tier, LocalDate dueOn, boolean afterComplaint,
            LocalDate lastAnswered) {
    }

    /**
     * Asks for a survey of the customer when the plan says so ("after a complaint is confirmed
     * resolved"); it stays due on the owner's My day until the customer answers. Joins the
     * caller's transaction, so a rolled-back resolution asks for nothing. {@code actor}: the user
     * who confirmed the resolution.
     */
    @Transactional
    public boolean afterComplaintResolved(long customerId, String actor) {
        if (!plans.current().afterComplaint()) {
            return false;
        }
        boolean requested = store.request(customerId, COMPLAINT_RESOLVED, clock.instant());
        if (requested) {
            audit.created(actor, "SurveyRequest", customerId, customerId, "surveyReason", COMPLAINT_RESOLVED);
        }
        return requested;
    }

    /**
     * The owner's customers due for a survey, the longest due first. Everything about a customer
     * is looked up by its key (tier, request, last answer, waiting link), so a book of thousands
     * costs index probes, never a scan of the whole book's tiers.
     */
    public List<DueSurvey> dueFor(long ownerId) {
        SurveyPlan plan = plans.current();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant now = clock.instant();
        List<DueSurvey> due = new ArrayList<>();
        jdbc.sql("""
                SELECT c.id, c.name, COALESCE((SELECT t.effective_tier FROM customer_tier t WHERE t.customer_id = c.id),
                                              'C') AS tier, c.created_at,
                       (SELECT q.requested_at FROM survey_request q WHERE q.customer_id = c.id) AS requested_at,
                       (SELECT MAX(r.answered_at) FROM survey_response r WHERE r.customer_id = c.id) AS last_answered,
                       (SELECT COUNT(*) FROM survey_link l WHERE l.customer_id = c.id AND l.response_id IS NULL
                            AND l.expires_at > ?) AS waiting
                FROM customer c
                WHERE c.owner_id = ? AND c.deleted = FALSE AND c.status IN ('ACTIVE', 'DORMANT')""")
                .params(Timestamp.from(now), ownerId)
                .query(rs -> {
                    if (rs.getLong("waiting") > 0) {
                        return;
                    }
                    Tier tier = Tier.valueOf(rs.getString("tier"));
                    LocalDate last = day(rs.getTimestamp("last_answered"));
                    Timestamp requested = rs.getTimestamp("requested_at");
                    LocalDate dueOn = requested != null ? day(requested)
                            : SurveyDue.dueOn(last, day(rs.getTimestamp("created_at")), plan.monthsFor(tier));
                    if (dueOn != null && !dueOn.isAfter(today)) {
                        due.add(new DueSurvey(rs.getLong("id"), rs.getString("name"), tier, dueOn, requested != null,
                                last));
                    }
                });
        due.sort(Comparator.comparing(DueSurvey::dueOn).thenComparing(DueSurvey::name)
                .thenComparingLong(DueSurvey::customerId));
        return due;
    }

    /**
     * How many of the owner's customers {@link #dueFor} lists, up to {@link #DUE_COUNT_LIMIT}: My day
     * shows the number on every visit, and counting every due customer of a book of 33k took 150 to
     * 600 ms a page. Each customer is judged by its keys (tier, request, last answer, waiting link),
     * so the count stops at the limit; "at least 100" says as much as the exact figure to the manager.
     */
    public long dueCount(long ownerId) {
        SurveyPlan plan = plans.current();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Timestamp tomorrow = Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant());
        Long count = jdbc.sql("""
                SELECT COUNT(*) FROM (
                  SELECT 1 FROM customer c
                  WHERE c.owner_id = :owner AND c.deleted = FALSE AND c.status IN ('ACTIVE', 'DORMANT')
                    AND NOT EXISTS (SELECT 1 FROM survey_link l WHERE l.customer_id = c.id AND l.response_id IS NULL
                                    AND l.expires_at > :now)
                    AND COALESCE((SELECT q.requested_at FROM survey_request q WHERE q.customer_id = c.id) < :tomorrow,
                          COALESCE((SELECT MAX(r.answered_at) FROM survey_response r WHERE r.customer_id = c.id),
                                   c.created_at)
                          < CASE COALESCE((SELECT t.effective_tier FROM customer_tier t WHERE t.customer_id = c.id), 'C')
                            WHEN 'A' THEN CAST(:a AS TIMESTAMP WITH TIME ZONE)
                            WHEN 'B' THEN CAST(:b AS TIMESTAMP WITH TIME ZONE)
                            ELSE CAST(:c AS TIMESTAMP WITH TIME ZONE) END)
                  FETCH FIRST %d ROWS ONLY) due""".formatted(DUE_COUNT_LIMIT))
                .param("owner", ownerId).param("now", Timestamp.from(clock.instant())).param("tomorrow", tomorrow)
                .param("a", dueBefore(today, plan.monthsFor(Tier.A))).param("b", dueBefore(today, plan.monthsFor(Tier.B)))
                .param("c", dueBefore(today, plan.monthsFor(Tier.C))).query(Long.class).single();
        return count == null ? 0 : count;
    }

    /** The first instant after the last day a tier's customer may have answered and be due; null: never due. */
    private Timestamp dueBefore(LocalDate today, Integer months) {
        LocalDate latest = SurveyDue.latestBaseDueBy(today, months);
        return latest == null ? null : Timestamp.from(latest.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private LocalDate day(Timestamp t) {
        return t == null ? null : LocalDate.ofInstant(t.toInstant(), zone);
    }
}
