package com.keyaccount.crm.followup.rules;

import com.keyaccount.crm.tier.Tier;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Visit-frequency quotas per tier (SPEC 拜访频率) and the grace an upgraded customer gets before
 * its new, shorter interval counts as overdue. Pure data: no JPA, so crm-scoring can use it.
 */
public record VisitQuotas(Map<Tier, TierCadence> byTier, int upgradeGraceDays) {

    /** SPEC defaults: A any 7 / visit 30, B any 14 / visit 90, C any 30; C at most 4 per 30 days. */
    public static final VisitQuotas DEFAULT = new VisitQuotas(Map.of(
            Tier.A, new TierCadence(Cadence.every(7), Cadence.every(30)),
            Tier.B, new TierCadence(Cadence.every(14), Cadence.every(90)),
            Tier.C, new TierCadence(new Cadence(30, 4), Cadence.NONE)), 7);

    public VisitQuotas {
        Objects.requireNonNull(byTier, "byTier");
        for (Tier tier : Tier.values()) {
            if (!byTier.containsKey(tier)) {
                throw new IllegalArgumentException("no quota for tier " + tier);
            }
        }
        if (upgradeGraceDays < 0 || upgradeGraceDays > 365) {
            throw new IllegalArgumentException("grace must be 0..365 days, got " + upgradeGraceDays);
        }
        byTier = Map.copyOf(new EnumMap<>(byTier));
    }

    public TierCadence of(Tier tier) {
        return byTier.get(tier);
    }
}
