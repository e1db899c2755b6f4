package com.keyaccount.crm.sales;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales figures of a customer the caller obtained from {@link CustomerService#get}, which is
 * where visibility is checked.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SalesService {

    private final SalesOrderRepository orders;

    /** Sales of the twelve months up to and including {@code today}. */
    public SalesSummary lastTwelveMonths(Customer visible, LocalDate today) {
        return orders.summarise(visible.getId(), today.minusMonths(12).plusDays(1), today);
    }

    public List<SalesOrder> recentOrders(Customer visible) {
        return orders.findTop10ByCustomerIdOrderByOrderDateDescIdDesc(visible.getId());
    }
}
