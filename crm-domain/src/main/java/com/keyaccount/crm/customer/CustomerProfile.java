package com.keyaccount.crm.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

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

    /**
     * The profile as a customer keeps it: code and name trimmed, annual sales to the fen, the
     * reason of a lost customer required and nobody else's kept.
     */
    public CustomerProfile normalised() {
        return new CustomerProfile(code.strip(), name.strip(), Objects.requireNonNull(industry),
                Objects.requireNonNull(region), annualSales == null ? null : annualSales.setScale(2, RoundingMode.HALF_UP),
                employeeCount, phone, fax, address, Objects.requireNonNull(status),
                status == CustomerStatus.LOST ? LostReason.required(lostReason) : null, longTermAgreement,
                cooperationIntent, notes);
    }
}
