package com.keyaccount.crm.user;

public enum Role {
    ACCOUNT_MANAGER,
    /** 区域经理: sees and supervises the books of everyone in their region. */
    REGIONAL_MANAGER,
    /** 省区经理: sees and supervises the books of everyone in their province. */
    PROVINCE_MANAGER,
    SALES_DIRECTOR,
    ADMIN;

    /** Directors and admins see every customer and decide (tiers, gifts, plans, targets). */
    public boolean seesAllCustomers() {
        return this == SALES_DIRECTOR || this == ADMIN;
    }

    /** Sees the books of everyone below them in the organisation, without a director's decisions. */
    public boolean supervises() {
        return this == REGIONAL_MANAGER || this == PROVINCE_MANAGER;
    }
}
