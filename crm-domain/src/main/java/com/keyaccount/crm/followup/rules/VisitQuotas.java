package com.keyaccount.crm.followup.rules;

import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Visit-frequency quotas per tier (SPEC 拜访频率) and the grace an upgraded customer gets before
 * its new, shorter interval counts as overdue. Pure data: no JPA, so crm-scoring can use it.
 */
public record VisitQuotas(Map<Tier, TierCadence> byTier, int upgradeGraceDays, ZoneQuotas zones,
        CadenceBasis follows) {

    /**
     * SPEC defaults: A any 7 / visit 30, B any 14 / visit 90, C any 30; C at most 4 per 30 days.
     * A fourth and fifth tier, used only by a longer ladder: seed 002's 小客户 contacted every
     * quarter, and a fifth with no minimum.
     */
    public static final VisitQuotas DEFAULT = new VisitQuotas(Map.of(
            Tier.A, new TierCadence(Cadence.every(7), Cadence.every(30)),
            Tier.B, new TierCadence(Cadence.every(14), Cadence.every(90)),
            Tier.C, new TierCadence(new Cadence(30, 4), Cadence.NONE)), 7, ZoneQuotas.DEFAULT, CadenceBasis.TIER);
    public static final int LONGEST_GRACE_DAYS = 365;

    public VisitQuotas {
        Objects.requireNonNull(byTier, "byTier");
        for (Tier tier : List.of(Tier.A, Tier.B, Tier.C)) {
            if (!byTier.containsKey(tier)) {
                throw new IllegalArgumentException("no quota for tier " + tier);
            }
        }
        EnumMap<Tier, TierCadence> all = new EnumMap<>(byTier);
        // quotas saved before longer ladders have no fourth and fifth tier: the defaults stand for them
        for (Tier tier : Tier.values()) {
            all.computeIfAbsent(tier, VisitQuotas::lowerTierDefault);
        }
        byTier = Map.copyOf(all);
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(follows, "follows");
    }

    private static TierCadence lowerTierDefault(Tier tier) {
        return tier == Tier.D ? new TierCadence(Cadence.every(90), Cadence.NONE) : new TierCadence(Cadence.NONE, Cadence.NONE);
    }

    /** Tier quotas only: the zones' defaults, not followed. */
    public VisitQuotas(Map<Tier, TierCadence> byTier, int upgradeGraceDays) {
        this(byTier, upgradeGraceDays, ZoneQuotas.DEFAULT, CadenceBasis.TIER);
    }

    /** The same tier quotas and grace with other zone quotas and basis. */
    public VisitQuotas withZones(ZoneQuotas newZones, CadenceBasis newFollows) {
        return new VisitQuotas(byTier, upgradeGraceDays, newZones, newFollows);
    }

    public TierCadence of(Tier tier) {
        return byTier.get(tier);
    }

    /** Where one number of the set is, as {@link Violation#path()} names it, e.g. {@code byTier[A].anyContact.atLeastEveryDays}. */
    public static String path(Tier tier, ChannelGroup group, String cadenceField) {
        return "byTier[" + tier + "]." + TierCadence.component(group) + "." + cadenceField;
    }

    /**
     * Numbers out of range, or else the errors of the set as a whole ({@link QuotaConsistency}):
     * the set is judged only once each of its numbers means something.
     */
    public List<Violation> violations() {
        List<Violation> ranges = ranges();
        return ranges.isEmpty() ? QuotaConsistency.errors(this) : ranges;
    }

    /** What is unusual but allowed ({@link QuotaConsistency}) among the top three tiers; nothing while a number is out of range. */
    public List<Violation> warnings() {
        return warnings(3);
    }

    /** As {@link #warnings()}, among the top {@code tiers} tiers (those of the ladder in force). */
    public List<Violation> warnings(int tiers) {
        return ranges().isEmpty() ? QuotaConsistency.warnings(this, tiers) : List.of();
    }

    private List<Violation> ranges() {
        List<Violation> found = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            of(tier).violations().forEach(v -> found.add(v.under("byTier[" + tier + "]")));
        }
        Violation.range(found, "upgradeGraceDays", upgradeGraceDays, 0, LONGEST_GRACE_DAYS);
        found.addAll(zones.violations());
        return found;
    }
}
