package com.keyaccount.crm.customer;

/**
 * The zones of seed 003's nine-grid (九宫格): high potential already using us first or second
 * (红区, about 8 visits a month) and high potential not using us yet (黄区, 2–4 a month); the
 * other cells have no zone of their own and follow the tier's cadence. The visits a month are the
 * seed's; the quotas a schedule follows are the visit-quota policy's.
 */
public enum NineGridZone {
    RED(8, 8),
    YELLOW(2, 4),
    NONE(0, 0);

    private final int visitsPerMonthFrom;
    private final int visitsPerMonthTo;

    NineGridZone(int visitsPerMonthFrom, int visitsPerMonthTo) {
        this.visitsPerMonthFrom = visitsPerMonthFrom;
        this.visitsPerMonthTo = visitsPerMonthTo;
    }

    /** The zone of a customer's assessment; none while its potential or adoption is unknown. */
    public static NineGridZone of(Integer potential, Adoption adoption) {
        return potential == null || adoption == null ? NONE : of(PotentialBand.of(potential), adoption.column());
    }

    public static NineGridZone of(PotentialBand band, GridColumn column) {
        if (band != PotentialBand.HIGH) {
            return NONE;
        }
        return column == GridColumn.NOT_YET ? YELLOW : RED;
    }

    /** The seed's visits a month for the zone (from–to; both 0 for none). */
    public int visitsPerMonthFrom() {
        return visitsPerMonthFrom;
    }

    public int visitsPerMonthTo() {
        return visitsPerMonthTo;
    }
}
