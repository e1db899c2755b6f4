package com.keyaccount.crm.customer;

import java.math.BigDecimal;

/** The editable part of a customer's profile (客户档案), as one value. */
public record CustomerProfile(
        String code,
        String name,
        Industry industry,
        Region region,
        BigDecimal annualSales,
        Integer employeeCount,
        String phone,
        String fax,
        String address,
        CustomerStatus status,
        String lostReason,
        boolean longTermAgreement,
        String cooperationIntent,
        String notes) {
}
