package com.keyaccount.crm.importing;

/** What a file holds. */
public enum ImportKind {
    SALES,
    CUSTOMERS
}
