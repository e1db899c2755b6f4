package com.keyaccount.crm.checkin.application;

import com.keyaccount.crm.checkin.rules.CheckInVerdict;
import com.keyaccount.crm.checkin.rules.VisitVerdict;
import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.contactlog.ContactLogged;
import com.keyaccount.crm.scoring.checkin.VisitEvidence;
import com.keyaccount.crm.scoring.checkin.VisitEvidence.Candidate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of {@code visit_check}: whether each logged on-site visit is evidenced by a
 * check-in of its author at its customer on its business day ({@link VisitEvidence} chooses).
 * Every visit gets its row in the transaction that logs it, verified or not, so the log is never
 * refused for want of a check-in. A check-in made later that day (the visit typed in the lift,
 * the check-in at the door) matches that day's visits again.
 */
@Component
class VisitChecks {

    private final JdbcClient sql;
    private final ZoneId zone;

    VisitChecks(JdbcClient sql, ZoneId businessZone) {
        this.sql = sql;
        this.zone = businessZone;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ContactLogged event) {
        sql.sql("SELECT channel, author_id, occurred_at FROM contact_log WHERE id = :id").param("id", event.logId())
                .query((rs, n) -> new Visit(event.logId(), event.customerId(), rs.getLong("author_id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        Channel.valueOf(rs.getString("channel")).isOnSite()))
                .optional().filter(Visit::onSite).ifPresent(visit -> {
                    LocalDate day = LocalDate.ofInstant(visit.at(), zone);
                    Optional<Candidate> evidence = VisitEvidence.choose(candidates(visit, day), visit.at());
                    sql.sql("""
                            INSERT INTO visit_check (contact_log_id, check_in_id, verified, reason, visit_on)
                            VALUES (:log, :checkIn, :verified, :reason, :day)""")
                            .params(values(visit, evidence)).param("day", day).update();
                });
    }

    /**
     * Matches again the user's visits at the customer on {@code day} that no verified check-in
     * evidences yet, after a new check-in there.
     */
    void matchAgain(long userId, long customerId, LocalDate day) {
        List<Visit> unverified = sql.sql("""
                SELECT l.id, l.occurred_at FROM visit_check v JOIN contact_log l ON l.id = v.contact_log_id
                WHERE v.visit_on = :day AND v.verified = FALSE AND l.author_id = :user AND l.customer_id = :customer""")
                .param("day", day).param("user", userId).param("customer", customerId)
                .query((rs, n) -> new Visit(rs.getLong("id"), customerId, userId,
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), true)).list();
        for (Visit visit : unverified) {
            Optional<Candidate> evidence = VisitEvidence.choose(candidates(visit, day), visit.at());
            sql.sql("""
                    UPDATE visit_check SET check_in_id = :checkIn, verified = :verified, reason = :reason
                    WHERE contact_log_id = :log""").params(values(visit, evidence)).update();
        }
    }

    private List<Candidate> candidates(Visit visit, LocalDate day) {
        return sql.sql("""
                SELECT id, in_at, in_verdict FROM check_in
                WHERE user_id = :user AND customer_id = :customer AND business_day = :day""")
                .param("user", visit.authorId()).param("customer", visit.customerId()).param("day", day)
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getObject("in_at", OffsetDateTime.class).toInstant(),
                        CheckInVerdict.valueOf(rs.getString("in_verdict")))).list();
    }

    private static Map<String, Object> values(Visit visit, Optional<Candidate> evidence) {
        VisitVerdict verdict = VisitEvidence.verdict(evidence);
        Map<String, Object> values = new HashMap<>();
        values.put("log", visit.logId());
        values.put("checkIn", evidence.map(Candidate::id).orElse(null));
        values.put("verified", verdict.verified());
        values.put("reason", verdict.verified() ? null : verdict.name());
        return values;
    }

    private record Visit(long logId, long customerId, long authorId, Instant at, boolean onSite) {
    }
}
