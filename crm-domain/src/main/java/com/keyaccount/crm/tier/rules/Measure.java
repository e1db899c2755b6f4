package com.keyaccount.crm.tier.rules;

/**
 * What Pareto and the scorecard rank customers by (seed 000 counts profit contribution; SAP
 * ranks on cumulative profit as well as revenue).
 */
public enum Measure {
    /** Sales less credit notes and returns in the window; a net of zero or less counts as zero. */
    NET_REVENUE,
    /** The window's gross margin (sales less cost); lines without a margin count as zero. */
    GROSS_MARGIN
}
