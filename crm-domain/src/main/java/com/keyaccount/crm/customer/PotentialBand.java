package com.keyaccount.crm.customer;

/**
 * A row of the nine-grid (九宫格): the potential scores 1–9 (seed 003's table of the customer's
 * level against the decision maker's title) in three bands of three.
 */
public enum PotentialBand {
    HIGH(7, 9),
    MEDIUM(4, 6),
    LOW(1, 3);

    public static final int MIN = 1;
    public static final int MAX = 9;

    private final int from;
    private final int to;

    PotentialBand(int from, int to) {
        this.from = from;
        this.to = to;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    public static PotentialBand of(int potential) {
        if (potential < MIN || potential > MAX) {
            throw new IllegalArgumentException("a potential is scored " + MIN + " to " + MAX + ": " + potential);
        }
        return potential >= HIGH.from ? HIGH : potential >= MEDIUM.from ? MEDIUM : LOW;
    }
}
