package com.keyaccount.crm.shared;

/**
 * A change that moves figures the dashboard keeps for a while, beyond a customer or a tier
 * changed (which say so themselves): a satisfaction survey answered, losses recorded or closed
 * by the daily catch-up. Published inside the change's transaction (or alone, outside one); the
 * kept figures are computed afresh once it commits.
 */
public record FiguresChanged(String cause) {
}
