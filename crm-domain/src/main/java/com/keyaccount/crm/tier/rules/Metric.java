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
    YEARS_AS_CUSTOMER
}
