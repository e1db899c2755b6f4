package com.keyaccount.crm.churn;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SPEC 流失预警: when a customer is flagged. Pure data, versioned in the database so an admin
 * can change it later.
 *
 * @param revenueDropPercent     revenue in the last 90 days down more than this against the 90 before
 * @param daysToPayIncrease      average days to pay up by more than this many days
 * @param silenceFactor          no contact for more than this many times the tier's interval
 * @param downgradeWithinDays    a tier downgrade within this many days
 * @param complaintOverdueDays   an open complaint whose deadline was missed at least this many days
 *                               ago (0: as soon as it is missed); issue 18, service as a churn signal
 * @param satisfactionDropPoints the latest satisfaction score (0–100) below the one before by more
 *                               than this many points
 */
public record ChurnThresholds(int revenueDropPercent, int daysToPayIncrease, int silenceFactor,
        int downgradeWithinDays, Integer complaintOverdueDays, Integer satisfactionDropPoints) {

    public static final int DEFAULT_COMPLAINT_OVERDUE_DAYS = 0;
    public static final int DEFAULT_SATISFACTION_DROP_POINTS = 20;

    public static final ChurnThresholds DEFAULT = new ChurnThresholds(30, 15, 2, 90);

    /**
     * A draft saved before the service signals existed (its JSON has neither) reads with their
     * defaults, so it opens without violations.
     */
    public ChurnThresholds {
        complaintOverdueDays = Objects.requireNonNullElse(complaintOverdueDays, DEFAULT_COMPLAINT_OVERDUE_DAYS);
        satisfactionDropPoints = Objects.requireNonNullElse(satisfactionDropPoints, DEFAULT_SATISFACTION_DROP_POINTS);
    }

    /** The order and payment thresholds with the service signals' defaults. */
    public ChurnThresholds(int revenueDropPercent, int daysToPayIncrease, int silenceFactor, int downgradeWithinDays) {
        this(revenueDropPercent, daysToPayIncrease, silenceFactor, downgradeWithinDays, null, null);
    }

    /** The upper limits are the editor's: past them a signal would warn too late to act on. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        Violation.range(found, "revenueDropPercent", revenueDropPercent, 1, 100);
        Violation.range(found, "daysToPayIncrease", daysToPayIncrease, 1, 365);
        Violation.range(found, "silenceFactor", silenceFactor, 1, 20);
        Violation.range(found, "downgradeWithinDays", downgradeWithinDays, 1, 730);
        Violation.range(found, "complaintOverdueDays", complaintOverdueDays, 0, 90);
        // a drop of 100 points or more cannot happen on a 0–100 score: the signal would never fire
        Violation.range(found, "satisfactionDropPoints", satisfactionDropPoints, 1, 99);
        return found;
    }
}
