package com.keyaccount.crm.scoring;

import com.keyaccount.crm.tier.rules.Measure;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What classification knows of a customer (or of a customer on one product line), aggregated
 * over the evaluation window.
 *
 * @param revenue          net revenue: sales less credit notes and returns; may be zero or less
 * @param margin           gross margin of the window's lines, {@code null} when none carried one
 * @param orderCount       sale lines (credit notes are not orders)
 * @param averageDaysToPay over the paid sale lines of the window; {@code null} without payment history
 * @param potential        the customer's potential score 1–9 (nine-grid); {@code null} when not assessed
 * @param yearsAsCustomer  years from the customer's creation to the window's last day (loyalty);
 *                         {@code null} when not read (a product line's figures)
 * @param satisfaction     the latest satisfaction score (0–100) answered in the window; {@code null}
 *                         without one, or when no criterion asks for it
 * @param revenueGrowth    net revenue against the same window a year earlier, in percent; {@code null}
 *                         without revenue then, or when no criterion asks for it
 */
public record CustomerFigures(long customerId, BigDecimal revenue, BigDecimal margin, long orderCount,
        Double averageDaysToPay, Integer potential, Double yearsAsCustomer, Double satisfaction,
        Double revenueGrowth) {

    /** Sales figures only, without the profile's potential and loyalty. */
    public CustomerFigures(long customerId, BigDecimal revenue, BigDecimal margin, long orderCount,
            Double averageDaysToPay) {
        this(customerId, revenue, margin, orderCount, averageDaysToPay, null, null);
    }

    /** Sales figures with the profile's potential and loyalty, without service figures. */
    public CustomerFigures(long customerId, BigDecimal revenue, BigDecimal margin, long orderCount,
            Double averageDaysToPay, Integer potential, Double yearsAsCustomer) {
        this(customerId, revenue, margin, orderCount, averageDaysToPay, potential, yearsAsCustomer, null, null);
    }

    /** These figures with a satisfaction score and a growth against last year. */
    public CustomerFigures withService(Double newSatisfaction, Double newRevenueGrowth) {
        return new CustomerFigures(customerId, revenue, margin, orderCount, averageDaysToPay, potential,
                yearsAsCustomer, newSatisfaction, newRevenueGrowth);
    }

    public CustomerFigures {
        Objects.requireNonNull(revenue, "revenue");
        if (orderCount < 0) {
            throw new IllegalArgumentException("an order count cannot be negative: customer " + customerId);
        }
    }

    /** Figures without margins. */
    public CustomerFigures(long customerId, BigDecimal revenue, long orderCount, Double averageDaysToPay) {
        this(customerId, revenue, null, orderCount, averageDaysToPay);
    }

    public static CustomerFigures revenueOnly(long customerId, BigDecimal revenue) {
        return new CustomerFigures(customerId, revenue, revenue.signum() == 0 ? 0 : 1, null);
    }

    /** The figure as it is: net revenue or gross margin (none sent: zero), possibly zero or less. */
    public BigDecimal actual(Measure measure) {
        BigDecimal value = measure == Measure.GROSS_MARGIN ? margin : revenue;
        return value == null ? BigDecimal.ZERO : value;
    }

    /**
     * The figure customers are ranked and compared by: a net or margin of zero or less counts as
     * zero (a customer who returned what it bought has brought nothing, and a negative amount
     * would make cumulative shares meaningless).
     */
    public BigDecimal measured(Measure measure) {
        BigDecimal value = actual(measure);
        return value.signum() < 0 ? BigDecimal.ZERO : value;
    }

    /**
     * Whether the explanation must say the figure was counted as zero: it is below zero, or zero
     * although the customer traded (sales cancelled out by credit notes, or margins not sent).
     */
    public boolean countedAsZero(Measure measure) {
        int sign = actual(measure).signum();
        return sign < 0 || sign == 0 && orderCount > 0;
    }
}
