package com.keyaccount.crm.care.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A care task as the pages show it. */
public record CareTask(long id, long customerId, String customerCode, String customerName, Long contactId,
        String contactName, Occasion occasion, String occasionName, LocalDate occasionOn, long assigneeId,
        String assigneeName, long ownerId, State state, String gift, BigDecimal cost, LocalDate doneOn,
        String note, String requestedBy, String decidedBy, Instant decidedAt, String rejectedNote, String closedBy,
        long version) {

    public enum Occasion {
        BIRTHDAY,
        ANNIVERSARY,
        HOLIDAY,
        THANK_YOU
    }

    public enum State {
        OPEN,
        PENDING_APPROVAL,
        DONE,
        SKIPPED
    }

    public boolean open() {
        return state == State.OPEN;
    }

    public boolean pending() {
        return state == State.PENDING_APPROVAL;
    }

    /** Days until the occasion (negative once past). */
    public long daysTo(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(today, occasionOn);
    }

    static final String COLUMNS = """
            k.id, k.customer_id, c.code AS customer_code, c.name AS customer_name, k.contact_id,
            p.name AS contact_name, k.occasion, k.occasion_name, k.occasion_on, k.assignee_id,
            u.display_name AS assignee_name, c.owner_id, k.state, k.gift, k.cost, k.done_on, k.note,
            k.requested_by, k.decided_by, k.decided_at, k.rejected_note, k.closed_by, k.version""";

    static final String FROM = """
            care_task k JOIN customer c ON c.id = k.customer_id LEFT JOIN contact p ON p.id = k.contact_id
            JOIN app_user u ON u.id = k.assignee_id""";

    static CareTask of(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Date done = rs.getDate("done_on");
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        Long contact = rs.getObject("contact_id") == null ? null : rs.getLong("contact_id");
        return new CareTask(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_code"),
                rs.getString("customer_name"), contact,
                rs.getString("contact_name"), Occasion.valueOf(rs.getString("occasion")),
                rs.getString("occasion_name"), rs.getDate("occasion_on").toLocalDate(), rs.getLong("assignee_id"),
                rs.getString("assignee_name"), rs.getLong("owner_id"), State.valueOf(rs.getString("state")),
                rs.getString("gift"), rs.getBigDecimal("cost"), done == null ? null : done.toLocalDate(),
                rs.getString("note"), rs.getString("requested_by"), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("rejected_note"),
                rs.getString("closed_by"), rs.getLong("version"));
    }
}
