package com.keyaccount.crm.customer;

/** 潜在 / 合作中 / 沉睡 / 流失. */
public enum CustomerStatus {
    PROSPECT,
    ACTIVE,
    DORMANT,
    LOST
}
