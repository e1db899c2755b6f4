package com.keyaccount.crm.scoring.churn;

import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One customer's figures for the churn signals, all as of {@code today}.
 *
 * @param revenueRecent         net revenue in the last 90 days (lines dated after today − 90): sales
 *                              less credit notes and returns, so it may be zero or negative
 * @param revenuePrevious       net revenue in the 90 days before those
 * @param creditNotesRecent     the credit notes and returns among the recent lines (zero or
 *                              negative; null: none), already counted in {@code revenueRecent}
 * @param daysToPayRecent       average days to pay of the recent sales (not credit notes) that are paid, or null
 * @param daysToPayPrevious     the same for the previous 90 days, or null
 * @param lastContactOn         latest contact, or null (then the customer's creation counts)
 * @param knownSince            when the customer was created
 * @param contactIntervalDays   the tier's "any contact every N days", or null when it has none
 * @param downgradedOn          latest downgrade's day, or null
 * @param service               the complaints and satisfaction scores the service signals read
 */
public record ChurnFigures(long customerId, LocalDate today, BigDecimal revenueRecent, BigDecimal revenuePrevious,
        BigDecimal creditNotesRecent, Double daysToPayRecent, Double daysToPayPrevious, LocalDate lastContactOn,
        LocalDate knownSince, Integer contactIntervalDays, LocalDate downgradedOn, Tier downgradedFrom, Tier downgradedTo,
        ServiceFigures service) {

    public ChurnFigures {
        service = service == null ? ServiceFigures.NONE : service;
    }

    /** Figures without complaints or survey scores. */
    public ChurnFigures(long customerId, LocalDate today, BigDecimal revenueRecent, BigDecimal revenuePrevious,
            BigDecimal creditNotesRecent, Double daysToPayRecent, Double daysToPayPrevious, LocalDate lastContactOn,
            LocalDate knownSince, Integer contactIntervalDays, LocalDate downgradedOn, Tier downgradedFrom,
            Tier downgradedTo) {
        this(customerId, today, revenueRecent, revenuePrevious, creditNotesRecent, daysToPayRecent, daysToPayPrevious,
                lastContactOn, knownSince, contactIntervalDays, downgradedOn, downgradedFrom, downgradedTo,
                ServiceFigures.NONE);
    }
}
