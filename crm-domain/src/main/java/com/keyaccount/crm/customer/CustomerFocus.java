package com.keyaccount.crm.customer;

import com.keyaccount.crm.tier.Tier;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The customers behind a figure on the dashboard, coverage or migrations page, as list filters:
 * each part is optional and narrows the list further, so a click on a figure lands on exactly the
 * customers it counts.
 *
 * @param unclassified only customers without a tier yet
 * @param served only customers that are not lost (the coverage pages count no lost customer)
 * @param overdueBefore only customers, not lost, whose next follow-up was due before this day
 * @param notContactedSince only customers, not lost, with no contact logged at or after this moment
 * @param sales only customers with a sales line (a sale, credit note or return) in this window
 * @param move only customers whose tier moved so between two moments
 * @param cell only customers in this cell of the nine-grid
 */
public record CustomerFocus(boolean unclassified, boolean served, LocalDate overdueBefore, Instant notContactedSince,
        SalesWindow sales, TierMove move, GridCell cell) {

    public static final CustomerFocus NONE = new CustomerFocus(false, false, null, null, null, null, null);

    public CustomerFocus(boolean unclassified, boolean served, LocalDate overdueBefore, Instant notContactedSince,
            SalesWindow sales, TierMove move) {
        this(unclassified, served, overdueBefore, notContactedSince, sales, move, null);
    }

    /**
     * A cell of the nine-grid as its page counts it (customers not lost): potential in the band
     * and adoption in the column; with neither, the customers whose potential or adoption is not
     * known yet.
     */
    public record GridCell(PotentialBand band, GridColumn column) {

        public static final GridCell NOT_ASSESSED = new GridCell(null, null);

        public GridCell {
            if ((band == null) != (column == null)) {
                throw new IllegalArgumentException("a cell has both a band and a column, or neither");
            }
        }
    }

    /** Sales lines dated {@code from} through {@code to}, on one product line or any ({@code productLineId} null). */
    public record SalesWindow(LocalDate from, LocalDate to, Long productLineId) {
    }

    /**
     * A tier migration between {@code start} and {@code end} as the migrations matrix counts it:
     * from the tier in force at {@code start} (or, for a customer first classified within the
     * period, its first tier when it moved again) to the one in force at {@code end}. A null tier
     * is "not yet classified". {@code direction}, when set, stands for every upgrade (negative)
     * or downgrade (positive) between A, B and C instead of one pair of tiers.
     */
    public record TierMove(Instant start, Instant end, Tier from, Tier to, int direction) {

        public static TierMove between(Instant start, Instant end, Tier from, Tier to) {
            return new TierMove(start, end, from, to, 0);
        }

        public static TierMove all(Instant start, Instant end, boolean upgrades) {
            return new TierMove(start, end, null, null, upgrades ? -1 : 1);
        }
    }
}
