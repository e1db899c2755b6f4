package com.keyaccount.crm.scoring.pin;

import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;

/**
 * 高层指定: a tier pinned by a director or admin wins over the computed one while the pin holds,
 * through its last day, or until it is removed when it has none. The recompute, the pin itself
 * and the what-if preview all ask this one rule.
 */
public final class PinRule {

    /** The tier a leadership designation holds a customer at: the top of the ladder. */
    public static final Tier DESIGNATED = Tier.A;

    private PinRule() {
    }

    public static boolean holds(Tier pinned, LocalDate lastDay, LocalDate today) {
        return pinned != null && (lastDay == null || !lastDay.isBefore(today));
    }

    /** The tier in force: the pinned one while it holds, else the computed one. */
    public static Tier effective(Tier computed, Tier pinned, LocalDate lastDay, LocalDate today) {
        return holds(pinned, lastDay, today) ? pinned : computed;
    }

    /**
     * The tier in force when the customer may also be designated a key account (高层指定): the
     * designation is a pin without end at the top tier, whatever other pin the row holds.
     */
    public static Tier effective(Tier computed, Tier pinned, LocalDate lastDay, boolean designated, LocalDate today) {
        return designated ? DESIGNATED : effective(computed, pinned, lastDay, today);
    }
}
