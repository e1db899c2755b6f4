package com.keyaccount.crm.tier;

/**
 * Tiers or the figures behind them changed in bulk (a recompute, a pin, an import): views that
 * summarise the whole book start afresh. {@code tiersMoved} is false when no customer's tier in
 * force moved (a recompute that only re-ranked): the copies of the tier in force stay as they are.
 */
public record TiersChanged(String cause, boolean tiersMoved) {

    /** A change that may have moved tiers in force. */
    public TiersChanged(String cause) {
        this(cause, true);
    }
}
