package com.keyaccount.crm.sales;

import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.user.Viewer;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SalesService {

    private final CustomerService customers;
    private final SalesOrderRepository orders;

    /** Sales of the twelve months up to and including {@code today}. */
    public SalesSummary lastTwelveMonths(Viewer viewer, long customerId, LocalDate today) {
        customers.get(viewer, customerId);
        return orders.summarise(customerId, today.minusMonths(12).plusDays(1), today);
    }

    public List<SalesOrder> recentOrders(Viewer viewer, long customerId) {
        customers.get(viewer, customerId);
        return orders.findTop10ByCustomerIdOrderByOrderDateDescIdDesc(customerId);
    }
}
