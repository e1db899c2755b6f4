package com.keyaccount.crm.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * When a customer was contacted, read only for the list's "not contacted since" filter; here
 * rather than the contact log's entity, which refers to the customer, so that the two packages do
 * not depend on each other. {@code ContactLogService} writes {@code contact_log}.
 */
@Entity
@Immutable
@Table(name = "contact_log")
class ContactMoment {

    @Id
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    protected ContactMoment() {
    }
}
