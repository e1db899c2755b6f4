package com.keyaccount.crm.customer;

/**
 * Potentials scored afresh from a changed table of factors: the zones, and with them the visit
 * cadence of customers whose cadence follows their zone, may have moved. Published inside the
 * change's transaction.
 */
public record PotentialsRescored(int customers) {
}
