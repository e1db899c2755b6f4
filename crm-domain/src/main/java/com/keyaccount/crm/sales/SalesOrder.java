package com.keyaccount.crm.sales;

import com.keyaccount.crm.customer.Customer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An order line from the ERP with its payment (due and paid dates): the input of classification.
 * A negative amount is a credit note or return, which may name the order it refers to; a line may
 * belong to a product line and carry its gross margin.
 */
@Entity
@Table(name = "sales_order")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SalesOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Column(name = "order_no")
    private String orderNo;

    @Column(name = "order_date")
    private LocalDate orderDate;

    private BigDecimal amount;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "paid_date")
    private LocalDate paidDate;

    @Column(name = "product_line_id")
    private Long productLineId;

    @Column(name = "refers_to")
    private String refersTo;

    private BigDecimal margin;

    @Column(name = "created_at")
    private Instant createdAt;

    public SalesOrder(Customer customer, String orderNo, LocalDate orderDate, BigDecimal amount,
            LocalDate dueDate, Instant now) {
        this.customer = Objects.requireNonNull(customer);
        this.orderNo = Objects.requireNonNull(orderNo);
        this.orderDate = Objects.requireNonNull(orderDate);
        this.amount = Objects.requireNonNull(amount);
        this.dueDate = dueDate;
        this.createdAt = now;
    }
}
