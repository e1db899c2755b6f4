package com.keyaccount.crm.duty.web;

import com.keyaccount.crm.followup.rules.RoleDuties;
import com.keyaccount.crm.followup.rules.RoleDuties.Duty;
import com.keyaccount.crm.followup.rules.RoleDuties.Every;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;

/**
 * The duties per role as typed: a row per role (from the top of the organisation down), in it a
 * row per tier of the ladder in force. Which role and tier a row is comes from its place, never
 * from what was posted; the ranges are {@link RoleDuties}'s own violations.
 */
@Getter
@Setter
public class DutiesForm {

    private List<RoleRow> roles = new ArrayList<>();

    @Getter
    @Setter
    public static class RoleRow {
        private Role role;
        private Integer daysPerMonth;
        private List<TierRow> tiers = new ArrayList<>();
    }

    @Getter
    @Setter
    public static class TierRow {
        private Tier tier;
        private Integer visitEveryDays;
        private Integer callEveryDays;
    }

    static DutiesForm of(RoleDuties duties, List<Tier> tiers) {
        DutiesForm form = new DutiesForm();
        for (Role role : RoleDuties.ROLES) {
            RoleRow row = new RoleRow();
            row.role = role;
            row.daysPerMonth = duties.of(role).daysPerMonth();
            for (Tier tier : tiers) {
                TierRow t = new TierRow();
                t.tier = tier;
                t.visitEveryDays = duties.of(role).of(tier).visitEveryDays();
                t.callEveryDays = duties.of(role).of(tier).callEveryDays();
                row.tiers.add(t);
            }
            form.roles.add(row);
        }
        return form;
    }

    /** Puts every row where it belongs: the roles in their order, the ladder's tiers; missing rows blank. */
    void align(List<Tier> tiers) {
        List<RoleRow> aligned = new ArrayList<>();
        for (int r = 0; r < RoleDuties.ROLES.size(); r++) {
            RoleRow row = r < roles.size() && roles.get(r) != null ? roles.get(r) : new RoleRow();
            row.role = RoleDuties.ROLES.get(r);
            List<TierRow> rows = new ArrayList<>();
            for (int t = 0; t < tiers.size(); t++) {
                TierRow tier = t < row.tiers.size() && row.tiers.get(t) != null ? row.tiers.get(t) : new TierRow();
                tier.tier = tiers.get(t);
                rows.add(tier);
            }
            row.tiers = rows;
            aligned.add(row);
        }
        roles = aligned;
    }

    /**
     * The duties typed; a tier the form does not show (of a longer ladder no longer in force) keeps
     * what {@code current} says of it.
     */
    RoleDuties toDuties(RoleDuties current) {
        Map<Role, Duty> byRole = new EnumMap<>(Role.class);
        for (RoleRow row : roles) {
            Map<Tier, Every> byTier = new EnumMap<>(Tier.class);
            byTier.putAll(current.of(row.role).byTier());
            for (TierRow t : row.tiers) {
                byTier.put(t.tier, new Every(t.visitEveryDays, t.callEveryDays));
            }
            byRole.put(row.role, new Duty(byTier, row.daysPerMonth));
        }
        return new RoleDuties(byRole);
    }

    /** The form field of a violation's path, e.g. {@code ACCOUNT_MANAGER.byTier[A].visitEveryDays}. */
    String field(String path) {
        for (int r = 0; r < roles.size(); r++) {
            RoleRow row = roles.get(r);
            String prefix = row.role.name() + ".";
            if (!path.startsWith(prefix)) {
                continue;
            }
            String rest = path.substring(prefix.length());
            for (int t = 0; t < row.tiers.size(); t++) {
                String tierPrefix = "byTier[" + row.tiers.get(t).tier + "].";
                if (rest.startsWith(tierPrefix)) {
                    return "roles[" + r + "].tiers[" + t + "]." + rest.substring(tierPrefix.length());
                }
            }
            return rest.startsWith("byTier[") ? null : "roles[" + r + "]." + rest;
        }
        return null;
    }
}
