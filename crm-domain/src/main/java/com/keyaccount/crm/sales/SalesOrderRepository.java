package com.keyaccount.crm.sales;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SalesOrderRepository extends JpaRepository<SalesOrder, Long> {

    @Query("""
            select new com.keyaccount.crm.sales.RecentOrder(o.orderNo, o.orderDate, o.amount, o.paidDate, o.refersTo,
                coalesce(p.name, p.code), o.margin)
            from SalesOrder o left join ProductLine p on p.id = o.productLineId
            where o.customer.id = :customerId
            order by o.orderDate desc, o.id desc
            """)
    List<RecentOrder> recent(@Param("customerId") long customerId, Limit limit);

    /**
     * Order count: distinct order numbers with a sale line (an order may have a line per product
     * line). Days to pay, as the tier figures count them: sale lines only (a refund's date says
     * nothing of how fast the customer pays).
     */
    @Query("""
            select new com.keyaccount.crm.sales.SalesSummary(
                coalesce(sum(case when o.amount >= 0 then o.amount end), 0),
                coalesce(sum(case when o.amount < 0 then o.amount end), 0),
                coalesce(sum(o.amount), 0),
                sum(o.margin),
                count(distinct case when o.amount >= 0 then o.orderNo end),
                avg(case when o.paidDate is not null and o.amount > 0 then (o.paidDate - o.orderDate) by day end))
            from SalesOrder o
            where o.customer.id = :customerId and o.orderDate >= :from and o.orderDate <= :to
            """)
    SalesSummary summarise(@Param("customerId") long customerId, @Param("from") LocalDate from,
            @Param("to") LocalDate to);
}
