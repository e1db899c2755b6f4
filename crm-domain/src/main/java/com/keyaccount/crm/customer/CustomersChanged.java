package com.keyaccount.crm.customer;

import java.util.List;

/**
 * Many customers changed at once outside any one transaction (an import): their schedules are
 * refreshed in batches, each in its own transaction, by whoever keeps them.
 */
public record CustomersChanged(List<Long> customerIds) {
}
