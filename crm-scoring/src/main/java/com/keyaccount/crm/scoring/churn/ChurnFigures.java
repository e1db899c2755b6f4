package com.keyaccount.crm.scoring.churn;

import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One customer's figures for the churn signals, all as of {@code today}.
 *
 * @param revenueRecent         revenue in the last 90 days (orders dated after today − 90)
 * @param revenuePrevious       revenue in the 90 days before those
 * @param daysToPayRecent       average days to pay of the recent orders that are paid, or null
 * @param daysToPayPrevious     the same for the previous 90 days, or null
 * @param lastContactOn         latest contact, or null (then the customer's creation counts)
 * @param knownSince            when the customer was created
 * @param contactIntervalDays   the tier's "any contact every N days", or null when it has none
 * @param downgradedOn          latest downgrade's day, or null
 */
public record ChurnFigures(long customerId, LocalDate today, BigDecimal revenueRecent, BigDecimal revenuePrevious,
        Double daysToPayRecent, Double daysToPayPrevious, LocalDate lastContactOn, LocalDate knownSince,
        Integer contactIntervalDays, LocalDate downgradedOn, Tier downgradedFrom, Tier downgradedTo) {
}
