package com.keyaccount.crm.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * A customer's next follow-up day, read only for the list's "overdue" filter; the schedule in
 * crm-scoring writes {@code follow_up}.
 */
@Entity
@Immutable
@Table(name = "follow_up")
class FollowUpDue {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "due_on")
    private LocalDate dueOn;

    protected FollowUpDue() {
    }
}
