package com.keyaccount.crm.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * When a customer was last contacted (null: never), read only for the list's "not contacted since"
 * filter. Triggers keep it, a row for each customer (migration V64); {@code ContactLogService}
 * writes the log.
 */
@Entity
@Immutable
@Table(name = "customer_last_contact")
class LastContact {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "last_contact_at")
    private Instant lastContactAt;

    protected LastContact() {
    }
}
