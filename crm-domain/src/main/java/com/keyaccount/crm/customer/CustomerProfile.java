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
        String notes,
        String province,
        String city) {

    /** A profile that leaves the place (province and city codes) to be read from the address. */
    public CustomerProfile(String code, String name, Industry industry, Region region, BigDecimal annualSales,
            Integer employeeCount, String phone, String fax, String address, CustomerStatus status, String lostReason,
            boolean longTermAgreement, String cooperationIntent, String notes) {
        this(code, name, industry, region, annualSales, employeeCount, phone, fax, address, status, lostReason,
                longTermAgreement, cooperationIntent, notes, null, null);
    }

    /**
     * The profile as a customer keeps it: code and name trimmed, annual sales to the fen, the
     * reason of a lost customer required and nobody else's kept. The place is checked against the
     * national list; where none is given it is read from the address, and a province without a
     * city takes the address's city when the address lies in it. The region, when none is given,
     * is the province's.
     *
     * @throws IllegalArgumentException a place not on the list, or a city outside its province
     */
    public CustomerProfile normalised() {
        Place where = where();
        Region inRegion = region != null || !where.isKnown() ? Objects.requireNonNull(region)
                : ChinaDivisions.get().province(where.provinceCode()).region();
        return new CustomerProfile(code.strip(), name.strip(), Objects.requireNonNull(industry),
                inRegion, annualSales == null ? null : annualSales.setScale(2, RoundingMode.HALF_UP),
                employeeCount, phone, fax, address, Objects.requireNonNull(status),
                status == CustomerStatus.LOST ? LostReason.required(lostReason) : null, longTermAgreement,
                cooperationIntent, notes, where.provinceCode(), where.cityCode());
    }

    /** Province and city by GB/T 2260 code, as given (not yet checked). */
    public Place place() {
        return new Place(province, city);
    }

    private Place where() {
        return place().checked().orFrom(address);
    }
}
