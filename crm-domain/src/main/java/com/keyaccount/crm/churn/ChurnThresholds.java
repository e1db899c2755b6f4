package com.keyaccount.crm.churn;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC 流失预警: when a customer is flagged. Pure data, versioned in the database so an admin
 * can change it later.
 *
 * @param revenueDropPercent  revenue in the last 90 days down more than this against the 90 before
 * @param daysToPayIncrease   average days to pay up by more than this many days
 * @param silenceFactor       no contact for more than this many times the tier's interval
 * @param downgradeWithinDays a tier downgrade within this many days
 */
public record ChurnThresholds(int revenueDropPercent, int daysToPayIncrease, int silenceFactor,
        int downgradeWithinDays) {

    public static final ChurnThresholds DEFAULT = new ChurnThresholds(30, 15, 2, 90);

    /** The upper limits are the editor's: past them a signal would warn too late to act on. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        Violation.range(found, "revenueDropPercent", revenueDropPercent, 1, 100);
        Violation.range(found, "daysToPayIncrease", daysToPayIncrease, 1, 365);
        Violation.range(found, "silenceFactor", silenceFactor, 1, 20);
        Violation.range(found, "downgradeWithinDays", downgradeWithinDays, 1, 730);
        return found;
    }
}
