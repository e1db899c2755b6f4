package com.keyaccount.crm.tier.rules;

/**
 * Over what customers are ranked: the whole book, or one ranking per product line (seed 003:
 * customers of different product categories should not be rated in one system).
 */
public enum Scope {
    BOOK,
    /** A tier per product line; the customer's tier (for quotas) is its best, or a chosen line's. */
    PRODUCT_LINE
}
