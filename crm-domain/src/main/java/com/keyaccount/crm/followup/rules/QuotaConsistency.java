package com.keyaccount.crm.followup.rules;

import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a quota set as a whole, beyond the ranges each number has on its own ({@link Cadence}).
 *
 * <p>A maximum below what the minimum itself requires is an error: no manager could meet both,
 * every customer of the tier would be over- or under-serviced. "At least every N days" needs
 * ceil(30 / N) contacts in 30 days, so the maximum must allow at least that many.
 *
 * <p>A better tier with a longer interval than the next one down (A laxer than B, B laxer than
 * C) is only a warning: it is unusual, but a company may deliberately, say, phone B customers
 * more often while A customers get on-site visits instead. The scheduler handles it (upgrade
 * grace never postpones past the new tier's own date), so the admin decides. A blank interval
 * ("no minimum") counts as longer than any number.
 */
public final class QuotaConsistency {

    /** On the maximum's field; args: the contacts the minimum needs, and the minimum's interval. */
    public static final String MAXIMUM_BELOW_MINIMUM = "maxBelowMinimum";
    /** On the better tier's interval; args: the next tier down, and its interval. */
    public static final String LAXER_THAN_NEXT_TIER = "laxer";

    private QuotaConsistency() {
    }

    static List<Violation> errors(VisitQuotas quotas) {
        List<Violation> found = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            for (ChannelGroup group : ChannelGroup.values()) {
                Cadence cadence = quotas.of(tier).of(group);
                int required = contactsRequiredPer30Days(cadence);
                if (cadence.atMostPer30Days() != null && cadence.atMostPer30Days() < required) {
                    found.add(Violation.of(VisitQuotas.path(tier, group, "atMostPer30Days"), MAXIMUM_BELOW_MINIMUM,
                            required, cadence.atLeastEveryDays()));
                }
            }
        }
        return found;
    }

    /** Among the top {@code tiers} tiers: a tier beyond the ladder in force serves nobody. */
    static List<Violation> warnings(VisitQuotas quotas, int tiers) {
        List<Violation> found = new ArrayList<>();
        for (ChannelGroup group : ChannelGroup.values()) {
            for (int i = 0; i + 1 < Math.min(tiers, Tier.values().length); i++) {
                Tier better = Tier.values()[i];
                Tier next = Tier.values()[i + 1];
                Integer betterDays = quotas.of(better).of(group).atLeastEveryDays();
                Integer nextDays = quotas.of(next).of(group).atLeastEveryDays();
                if (nextDays != null && (betterDays == null || betterDays > nextDays)) {
                    found.add(Violation.of(VisitQuotas.path(better, group, "atLeastEveryDays"), LAXER_THAN_NEXT_TIER,
                            next, nextDays));
                }
            }
        }
        return found;
    }

    /** Contacts that "at least every N days" requires in 30 days: ceil(30 / N); 0 without a minimum. */
    public static int contactsRequiredPer30Days(Cadence cadence) {
        if (!cadence.hasMinimum()) {
            return 0;
        }
        return (30 + cadence.atLeastEveryDays() - 1) / cadence.atLeastEveryDays();
    }
}
