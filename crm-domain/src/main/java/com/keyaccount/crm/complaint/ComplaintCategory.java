package com.keyaccount.crm.complaint;

/** What the complaint is about. */
public enum ComplaintCategory {
    PRODUCT_QUALITY,
    DELIVERY,
    SERVICE,
    BILLING,
    STAFF,
    OTHER
}
