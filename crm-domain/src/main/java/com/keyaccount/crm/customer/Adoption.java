package com.keyaccount.crm.customer;

/**
 * How far the customer already uses what we sell (seed 003's 处方程度): our product is its first
 * choice (首选), its second (次选), it uses a competitor's (竞品), or none yet (未使用).
 */
public enum Adoption {
    PREFERRED,
    SECONDARY,
    COMPETITOR,
    NOT_USING;

    /** The nine-grid's column: a competitor's user and a customer using nothing are both not ours yet. */
    public GridColumn column() {
        return switch (this) {
            case PREFERRED -> GridColumn.PREFERRED;
            case SECONDARY -> GridColumn.SECONDARY;
            case COMPETITOR, NOT_USING -> GridColumn.NOT_YET;
        };
    }
}
