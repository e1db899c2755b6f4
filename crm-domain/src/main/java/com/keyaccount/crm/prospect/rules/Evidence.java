package com.keyaccount.crm.prospect.rules;

/**
 * What makes a condition met. {@link #TICK}: the salesperson confirms it (with a date and a
 * note); {@link #DECISION_MAKER}: confirmed and linked to a contact whose role is decision maker
 * (拍板人). The others the product sees for itself from the customer's record, so they cannot be
 * ticked by hand: the seed's five key facts (name, industry, size, phone, fax), a target industry,
 * the size threshold (A08), and a first order or payment from the ERP (A02).
 */
public enum Evidence {
    TICK,
    DECISION_MAKER,
    FIVE_FACTS,
    TARGET_INDUSTRY,
    SIZE,
    FIRST_ORDER;

    public boolean automatic() {
        return this != TICK && this != DECISION_MAKER;
    }
}
