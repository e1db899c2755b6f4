package com.keyaccount.crm.sales;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SalesOrderRepository extends JpaRepository<SalesOrder, Long> {

    List<SalesOrder> findTop10ByCustomerIdOrderByOrderDateDescIdDesc(long customerId);

    @Query("""
            select new com.keyaccount.crm.sales.SalesSummary(
                coalesce(sum(o.amount), 0), count(o),
                avg(case when o.paidDate is not null then (o.paidDate - o.orderDate) by day end))
            from SalesOrder o
            where o.customer.id = :customerId and o.orderDate >= :from and o.orderDate <= :to
            """)
    SalesSummary summarise(@Param("customerId") long customerId, @Param("from") LocalDate from,
            @Param("to") LocalDate to);
}
