package com.keyaccount.crm.followup.rules;

import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Visit duties per role (seed 000 重点客户管理措施): what each role owes the key accounts it looks
 * after — its own on-site visits and calls, per tier — and the days a month it spends at key
 * accounts. They stand beside the per-tier quotas, which make the owner's schedule: a regional
 * manager's monthly visit is theirs to make, whoever owns the account. A role's key accounts are
 * the customers of the tiers it has a duty for.
 */
public record RoleDuties(Map<Role, Duty> byRole) {

    /** The roles that have duties, from the top of the organisation down. */
    public static final List<Role> ROLES = List.of(Role.PROVINCE_MANAGER, Role.REGIONAL_MANAGER, Role.ACCOUNT_MANAGER);
    /** More days a month than a month has is a typo. */
    public static final int MOST_DAYS_PER_MONTH = 31;

    /** Seed 000's figures for key (top-tier) accounts; no duty elsewhere. */
    public static final RoleDuties DEFAULT = new RoleDuties(Map.of(
            Role.PROVINCE_MANAGER, new Duty(Map.of(Tier.A, new Every(60, 30)), null),
            Role.REGIONAL_MANAGER, new Duty(Map.of(Tier.A, new Every(30, 7)), null),
            Role.ACCOUNT_MANAGER, new Duty(Map.of(Tier.A, new Every(15, 1)), 10)));

    public RoleDuties {
        Objects.requireNonNull(byRole, "byRole");
        Map<Role, Duty> all = new EnumMap<>(Role.class);
        for (Role role : ROLES) {
            all.put(role, byRole.getOrDefault(role, Duty.NONE));
        }
        byRole = Map.copyOf(all);
    }

    /** The role's duty; none for a role outside {@link #ROLES}. */
    public Duty of(Role role) {
        return byRole.getOrDefault(role, Duty.NONE);
    }

    /** Numbers out of range, by path, e.g. {@code ACCOUNT_MANAGER.byTier[A].visitEveryDays}. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        for (Role role : ROLES) {
            of(role).violations().forEach(v -> found.add(v.under(role.name())));
        }
        return found;
    }

    /** One role's duties. {@code daysPerMonth}: days at key accounts a month; null, none asked. */
    public record Duty(Map<Tier, Every> byTier, Integer daysPerMonth) {

        public static final Duty NONE = new Duty(Map.of(), null);

        public Duty {
            Objects.requireNonNull(byTier, "byTier");
            Map<Tier, Every> all = new EnumMap<>(Tier.class);
            byTier.forEach((tier, every) -> {
                if (every != null && every.any()) {
                    all.put(tier, every);
                }
            });
            byTier = Map.copyOf(all);
        }

        public Every of(Tier tier) {
            return byTier.getOrDefault(tier, Every.NONE);
        }

        /** The tiers whose customers are this role's key accounts. */
        public Set<Tier> keyTiers() {
            return byTier.isEmpty() ? EnumSet.noneOf(Tier.class) : EnumSet.copyOf(byTier.keySet());
        }

        /** Any duty at all: a visit or call interval, or days at key accounts. */
        public boolean any() {
            return !byTier.isEmpty() || (daysPerMonth != null && daysPerMonth > 0);
        }

        List<Violation> violations() {
            List<Violation> found = new ArrayList<>();
            byTier.forEach((tier, every) -> every.violations().forEach(v -> found.add(v.under("byTier[" + tier + "]"))));
            if (daysPerMonth != null) {
                Violation.range(found, "daysPerMonth", daysPerMonth, 0, MOST_DAYS_PER_MONTH);
            }
            return found;
        }
    }

    /** On-site visit and call at least every so many days; null, no such duty. */
    public record Every(Integer visitEveryDays, Integer callEveryDays) {

        public static final Every NONE = new Every(null, null);

        public boolean any() {
            return visitEveryDays != null || callEveryDays != null;
        }

        /** The interval of one kind of contact: on-site visits, or calls. */
        public Integer days(DutyKind kind) {
            return kind == DutyKind.VISIT ? visitEveryDays : callEveryDays;
        }

        List<Violation> violations() {
            List<Violation> found = new ArrayList<>();
            if (visitEveryDays != null) {
                Violation.range(found, "visitEveryDays", visitEveryDays, 1, Cadence.LONGEST_INTERVAL_DAYS);
            }
            if (callEveryDays != null) {
                Violation.range(found, "callEveryDays", callEveryDays, 1, Cadence.LONGEST_INTERVAL_DAYS);
            }
            return found;
        }
    }
}
