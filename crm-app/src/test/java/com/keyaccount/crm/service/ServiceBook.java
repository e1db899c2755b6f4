package com.keyaccount.crm.service;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.AppUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Complaints and survey answers written straight into the tables for the service-KPI tests, and
 * removed again afterwards: other tests count complaints and surveys of the whole database.
 * No sales orders: the tier tests rank the whole book.
 */
public final class ServiceBook {

    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final List<Long> customers = new ArrayList<>();

    public ServiceBook(Fixtures fixtures, JdbcTemplate jdbc) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    /** A customer created now (so never silent) of {@code tier}. */
    public Customer customer(AppUser owner, String name, String tier) {
        Customer customer = fixtures.customer(owner, Fixtures.unique(name));
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, ?, ?, 1, ?, 0, 0)""", customer.getId(), tier, tier,
                Timestamp.from(Instant.now()));
        customers.add(customer.getId());
        return customer;
    }

    /**
     * A complaint with its deadlines and, when not null, when it was answered and resolved
     * (status follows: resolved, answered or received).
     */
    public void complaint(Customer customer, AppUser owner, Instant answerDue, Instant resolveDue, Instant answeredAt,
            Instant resolvedAt) {
        String status = resolvedAt != null ? "RESOLVED" : answeredAt != null ? "ANSWERED" : "RECEIVED";
        Instant received = answerDue.minusSeconds(3_600);
        jdbc.update("""
                INSERT INTO complaint (customer_id, owner_id, channel, category, severity, description, status, tier,
                    policy_version, received_at, received_by, answer_due_at, resolve_due_at, answer, answered_at,
                    answered_by, resolution, resolved_at, resolved_by, submission_token)
                VALUES (?, ?, 'PHONE', 'DELIVERY', 'MAJOR', 'late delivery', ?, 'A', 1, ?, 'test', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                customer.getId(), owner.getId(), status, ts(received), ts(answerDue), ts(resolveDue),
                answeredAt == null ? null : "we are on it", ts(answeredAt), answeredAt == null ? null : "test",
                resolvedAt == null ? null : "delivered", ts(resolvedAt), resolvedAt == null ? null : "test",
                Fixtures.unique("tok"));
    }

    /** A survey answered at {@code at} with its score (0–100) and "would recommend" answer (or null). */
    public void survey(Customer customer, AppUser owner, Instant at, String score, Integer recommend) {
        jdbc.update("""
                INSERT INTO survey_response (customer_id, owner_id, version, channel, answered_at, score, recommend,
                    created_at) VALUES (?, ?, 1, 'PHONE', ?, ?, ?, ?)""", customer.getId(), owner.getId(), ts(at),
                score == null ? null : new java.math.BigDecimal(score), recommend, ts(at));
    }

    public void removeAll() {
        for (long id : customers) {
            jdbc.update("DELETE FROM complaint WHERE customer_id = ?", id);
            jdbc.update("DELETE FROM survey_response WHERE customer_id = ?", id);
        }
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
