package com.keyaccount.crm.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * A sales line's customer, day and product line, read only for the list's "sales in a window"
 * filter; here rather than the sales package's {@code SalesOrder}, which refers to the customer,
 * so that the two packages do not depend on each other. Imports write {@code sales_order}.
 */
@Entity
@Immutable
@Table(name = "sales_order")
class SaleLine {

    @Id
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "order_date")
    private LocalDate orderDate;

    @Column(name = "product_line_id")
    private Long productLineId;

    protected SaleLine() {
    }
}
