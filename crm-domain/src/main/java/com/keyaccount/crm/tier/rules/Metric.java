package com.keyaccount.crm.tier.rules;

/** A customer figure that a scorecard criterion can score. */
public enum Metric {
    /** Revenue in the evaluation window divided by its months. */
    MONTHLY_AVERAGE_SALES,
    /** 回款周期: average days from order to payment, over paid orders in the window. */
    AVERAGE_DAYS_TO_PAY,
    ORDER_COUNT,
    REVENUE,
    /** The potential score 1–9 of the customer's profile (the nine-grid's rows); none while not assessed. */
    POTENTIAL,
    /** 忠诚度: years since the customer was created, to the window's last day. */
    YEARS_AS_CUSTOMER,
    /** 满意度: the latest satisfaction survey score (0–100) answered in the window. */
    SATISFACTION,
    /** 同比增长: net revenue in the window against the same window a year earlier, in percent. */
    REVENUE_GROWTH;

    /** Whether the figure is read only for a scorecard that asks for it (it costs a query of its own). */
    public boolean readOnDemand() {
        return this == SATISFACTION || this == REVENUE_GROWTH;
    }
}
