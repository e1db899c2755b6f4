package com.keyaccount.crm.customer;

/** Industries of the seed's A08 checklist (government and non-profits are not targets). */
public enum Industry {
    AGRICULTURE,
    MANUFACTURING,
    CONSTRUCTION,
    IT,
    WHOLESALE_RETAIL,
    HOSPITALITY,
    FINANCE,
    REAL_ESTATE,
    LEASING_BUSINESS_SERVICES,
    RESIDENT_SERVICES,
    ENTERTAINMENT
}
