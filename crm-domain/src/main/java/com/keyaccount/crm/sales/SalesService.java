package com.keyaccount.crm.sales;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Limit;
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

    /** Sales, credit notes, net revenue and margin of the twelve months up to and including {@code today}. */
    public SalesSummary lastTwelveMonths(Customer visible, LocalDate today) {
        return orders.summarise(visible.getId(), today.minusMonths(12).plusDays(1), today);
    }

    /** The ten latest lines, credit notes included, with the product line each belongs to. */
    public List<RecentOrder> recentOrders(Customer visible) {
        return orders.recent(visible.getId(), Limit.of(10));
    }
}
