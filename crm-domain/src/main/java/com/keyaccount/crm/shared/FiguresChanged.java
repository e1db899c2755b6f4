package com.keyaccount.crm.shared;

/**
 * A change that moves figures the dashboard keeps for a while, beyond a customer or a tier
 * changed (which say so themselves): a satisfaction survey answered, a loss recorded, its
 * interview held, a lost customer won back. Published inside the change's transaction; the
 * kept figures are computed afresh once it commits.
 */
public record FiguresChanged(String cause) {
}
