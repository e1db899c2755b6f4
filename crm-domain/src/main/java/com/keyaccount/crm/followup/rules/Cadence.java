package com.keyaccount.crm.followup.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * One quota: "at least every N days" (null: no minimum) and optionally "at most M per 30 days"
 * (null: no maximum), so over-servicing small customers is visible too.
 */
public record Cadence(Integer atLeastEveryDays, Integer atMostPer30Days) {

    public static final Cadence NONE = new Cadence(null, null);
    /** Ten years: any longer is a typo, and "no minimum" says it better. */
    public static final int LONGEST_INTERVAL_DAYS = 3650;
    /** Daily contact thirty times over: any more is a typo. */
    public static final int MOST_PER_30_DAYS = 1000;

    public static Cadence every(int days) {
        return new Cadence(days, null);
    }

    public boolean hasMinimum() {
        return atLeastEveryDays != null;
    }

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (atLeastEveryDays != null) {
            Violation.range(found, "atLeastEveryDays", atLeastEveryDays, 1, LONGEST_INTERVAL_DAYS);
        }
        if (atMostPer30Days != null) {
            Violation.range(found, "atMostPer30Days", atMostPer30Days, 1, MOST_PER_30_DAYS);
        }
        return found;
    }
}
