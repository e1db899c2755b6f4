package com.keyaccount.crm.tier;

/**
 * Tiers or the figures behind them changed in bulk (a recompute, a pin, an import): views that
 * summarise the whole book start afresh.
 */
public record TiersChanged(String cause) {
}
