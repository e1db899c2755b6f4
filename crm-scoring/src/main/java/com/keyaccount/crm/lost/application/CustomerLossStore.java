package com.keyaccount.crm.lost.application;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The one writer of {@code customer_loss}. */
@Component
class CustomerLossStore {

    /** Interviews are scheduled for customers lost this recently when the loss is found afterwards. */
    static final int CATCH_UP_DAYS = 30;

    private final JdbcClient jdbc;

    CustomerLossStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long customerId, LocalDate lostOn, LossReason reason, String competitor, String note, long ownerId,
            String tier, String by, Instant at, LocalDate interviewOn) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer_loss (customer_id, open_customer_id, lost_on, reason, competitor, note, owner_id,
                    tier, recorded_by, recorded_at, interview_due_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(customerId, customerId, Date.valueOf(lostOn), reason.name(), competitor, note, ownerId, tier,
                        by, Timestamp.from(at), interviewOn == null ? null : Date.valueOf(interviewOn))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean interviewed(long id, long version, LocalDate on, String competitor, String why, String comeBack,
            String notes, String by) {
        return jdbc.sql("""
                UPDATE customer_loss SET interview_done_on = ?, interview_competitor = ?, interview_why = ?,
                    interview_come_back = ?, interview_notes = ?, interviewed_by = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(Date.valueOf(on), competitor, why, comeBack, notes, by, id, version).update() == 1;
    }

    /**
     * Brings the records in line with the customers' status, set-based: a customer marked lost
     * elsewhere (the edit form of an already lost customer, an import, the ERP API) gets a loss
     * with its words as "other" and, when recent, an interview; a customer no longer lost closes
     * its open loss as won back.
     */
    int catchUp(LocalDate today, Instant at) {
        int closed = jdbc.sql("""
                UPDATE customer_loss SET won_back_on = ?, open_customer_id = NULL, version = version + 1
                WHERE open_customer_id IS NOT NULL AND EXISTS (SELECT 1 FROM customer c
                    WHERE c.id = customer_loss.customer_id AND (c.status <> 'LOST' OR c.deleted = TRUE))""")
                .params(Date.valueOf(today)).update();
        int opened = jdbc.sql("""
                INSERT INTO customer_loss (customer_id, open_customer_id, lost_on, reason, note, owner_id, tier,
                    recorded_by, recorded_at, interview_due_on)
                SELECT c.id, c.id, CAST(COALESCE(c.updated_at, c.created_at) AS DATE), 'OTHER', c.lost_reason,
                       c.owner_id, t.effective_tier, 'system', ?,
                       CASE WHEN COALESCE(c.updated_at, c.created_at) >= ? THEN CAST(? AS DATE) END
                FROM customer c LEFT JOIN customer_tier t ON t.customer_id = c.id
                WHERE c.status = 'LOST' AND c.deleted = FALSE
                  AND NOT EXISTS (SELECT 1 FROM customer_loss o WHERE o.open_customer_id = c.id)""")
                .params(Timestamp.from(at), Timestamp.from(at.minus(java.time.Duration.ofDays(CATCH_UP_DAYS))),
                        Date.valueOf(today.plusDays(LostCustomers.INTERVIEW_AFTER_DAYS)))
                .update();
        return closed + opened;
    }
}
