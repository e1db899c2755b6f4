package com.keyaccount.crm.lost.application;

import java.time.LocalDate;

/** A customer lost: when, why, and the interview with it afterwards. */
public record CustomerLoss(long id, long customerId, String customerCode, String customerName, long ownerId,
        String ownerName, String tier, LocalDate lostOn, LossReason reason, String competitor, String note,
        String recordedBy, LocalDate interviewDueOn, LocalDate interviewDoneOn, String interviewCompetitor,
        String interviewWhy, ComeBack comeBack, String interviewNotes, String interviewedBy, LocalDate wonBackOn,
        long version) {

    /** Could the customer come back, as the interview found. */
    public enum ComeBack {
        YES,
        MAYBE,
        NO
    }

    public boolean interviewOpen() {
        return interviewDueOn != null && interviewDoneOn == null;
    }

    static final String COLUMNS = """
            l.id, l.customer_id, c.code, c.name, l.owner_id, u.display_name, l.tier, l.lost_on, l.reason,
            l.competitor, l.note, l.recorded_by, l.interview_due_on, l.interview_done_on, l.interview_competitor,
            l.interview_why, l.interview_come_back, l.interview_notes, l.interviewed_by, l.won_back_on, l.version""";

    static final String FROM = """
            customer_loss l JOIN customer c ON c.id = l.customer_id JOIN app_user u ON u.id = l.owner_id""";

    static CustomerLoss of(java.sql.ResultSet rs) throws java.sql.SQLException {
        String back = rs.getString("interview_come_back");
        return new CustomerLoss(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("code"),
                rs.getString("name"), rs.getLong("owner_id"), rs.getString("display_name"), rs.getString("tier"),
                date(rs, "lost_on"), LossReason.valueOf(rs.getString("reason")), rs.getString("competitor"),
                rs.getString("note"), rs.getString("recorded_by"), date(rs, "interview_due_on"),
                date(rs, "interview_done_on"), rs.getString("interview_competitor"), rs.getString("interview_why"),
                back == null ? null : ComeBack.valueOf(back), rs.getString("interview_notes"),
                rs.getString("interviewed_by"), date(rs, "won_back_on"), rs.getLong("version"));
    }

    private static LocalDate date(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
