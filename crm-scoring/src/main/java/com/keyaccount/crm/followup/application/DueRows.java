package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.followup.application.DueCustomer.ProspectMark;
import com.keyaccount.crm.prospect.application.ProspectLadders;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.PriorityClass;
import com.keyaccount.crm.scoring.schedule.DueRule;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How My day, its "show all" pages, the week view and the team's day read follow-up rows: the
 * same columns, and the main contacts of a page of rows in one query (never one per row).
 */
@Component
class DueRows {

    /** The columns {@link #row} reads, from {@link #FROM}. */
    static final String COLUMNS = """
            f.customer_id, c.code, c.name, c.phone, f.tier, f.city, f.due_on, f.due_rule, f.basis_on,
            f.interval_days, f.last_contact_on, f.last_visit_on,
            r.reason AS reschedule_reason, r.note AS reschedule_note,
            c.status AS customer_status, p.stage AS prospect_stage, f.prospect_class, f.priority_class""";
    /** A prospect's stage is joined by its key, in the same query: it moves without rescheduling. */
    static final String FROM = """
            follow_up f JOIN customer c ON c.id = f.customer_id
            LEFT JOIN follow_up_reschedule r ON r.customer_id = f.customer_id
            LEFT JOIN prospect p ON p.customer_id = f.customer_id""";
    /**
     * The order of rows due alike (same tier, same day): prospects by priority class, higher
     * classes first (seed 003 立项潜在客户分级: 优先处理高级别的客户), then the others.
     */
    static final String SERVE_FIRST = "f.priority_class NULLS LAST, f.customer_id";

    private final JdbcTemplate jdbc;
    private final ProspectLadders ladders;

    DueRows(JdbcTemplate jdbc, ProspectLadders ladders) {
        this.jdbc = jdbc;
        this.ladders = ladders;
    }

    /** One row of {@link #COLUMNS}, with how many working days late it is on {@code today}; no contact yet. */
    static DueCustomer row(ResultSet rs, LocalDate today, WorkingCalendar working) throws SQLException {
        LocalDate due = rs.getDate("due_on").toLocalDate();
        String reason = rs.getString("reschedule_reason");
        return new DueCustomer(rs.getLong("customer_id"), rs.getString("code"), rs.getString("name"),
                Tier.valueOf(rs.getString("tier")), due, DueRule.valueOf(rs.getString("due_rule")),
                date(rs, "basis_on"), (Integer) rs.getObject("interval_days"), date(rs, "last_contact_on"),
                date(rs, "last_visit_on"), working.workingDaysBetween(due, today), rs.getString("city"),
                blankToNull(rs.getString("phone")), reason == null ? null : RescheduleReason.valueOf(reason),
                rs.getString("reschedule_note"), prospect(rs), null);
    }

    private static ProspectMark prospect(ResultSet rs) throws SQLException {
        if (!"PROSPECT".equals(rs.getString("customer_status"))) {
            return null;
        }
        String closeClass = rs.getString("prospect_class");
        String priority = rs.getString("priority_class");
        return new ProspectMark(rs.getString("prospect_stage"), closeClass == null ? null : CloseClass.valueOf(closeClass),
                priority == null ? null : PriorityClass.valueOf(priority));
    }

    /**
     * Names the lead stage of the rows' prospects nobody has moved or graded yet (they have no
     * row of their own); the ladder is read once, and only when such a row is there.
     */
    UnaryOperator<DueCustomer> leadStages(Collection<DueCustomer> rows) {
        boolean needed = rows.stream().anyMatch(r -> r.prospect() != null && r.prospect().stage() == null);
        if (!needed) {
            return UnaryOperator.identity();
        }
        String lead = ladders.inForce().ladder().lead().code();
        return row -> row.withLeadStage(lead);
    }

    /** The same rows with their lead stages named (see {@link #leadStages}). */
    List<DueCustomer> withLeadStages(List<DueCustomer> rows) {
        UnaryOperator<DueCustomer> named = leadStages(rows);
        return rows.stream().map(named).toList();
    }

    /** Each customer's {@link MainContact}, for customers that have a contact. */
    Map<Long, MainContact> mainContacts(Collection<Long> customerIds) {
        Set<Long> ids = new LinkedHashSet<>(customerIds);
        Map<Long, MainContact> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query("""
                SELECT customer_id, name, phone FROM (
                    SELECT p.customer_id, p.name, p.phone, ROW_NUMBER() OVER (PARTITION BY p.customer_id ORDER BY
                            CASE WHEN p.phone IS NULL OR TRIM(p.phone) = '' THEN 1 ELSE 0 END,
                            CASE p.decision_role WHEN 'DECISION_MAKER' THEN 0 WHEN 'USER' THEN 1 ELSE 2 END,
                            p.id) AS rn
                    FROM contact p WHERE p.customer_id IN (%s)) x
                WHERE rn = 1""".formatted(String.join(",", Collections.nCopies(ids.size(), "?"))),
                rs -> {
                    found.put(rs.getLong("customer_id"),
                            new MainContact(rs.getString("name"), blankToNull(rs.getString("phone"))));
                }, ids.toArray());
        return found;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
