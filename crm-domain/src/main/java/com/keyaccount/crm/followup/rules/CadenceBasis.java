package com.keyaccount.crm.followup.rules;

/**
 * What a customer's on-site visit cadence follows (issue 16): its tier's quota, its nine-grid
 * zone's quota where it is in a zone (the tier's elsewhere), or whichever of the two is due
 * first. The "any contact" quota is always the tier's: the seed's zones set visit frequencies.
 */
public enum CadenceBasis {
    TIER,
    ZONE,
    STRICTER
}
