package com.keyaccount.crm.duty.application;

import com.keyaccount.crm.followup.rules.DutyKind;
import com.keyaccount.crm.followup.rules.RoleDuties.Duty;
import com.keyaccount.crm.tier.Tier;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One kind of a role's duty as the queries on it need it: the interval of each tier that has one,
 * how far back the user's own contacts are read (twice the longest interval), the user's last
 * such contact per customer and the condition of a key account being due. Parameters are named
 * with {@code prefix}, so two kinds can share a statement.
 */
record DutyIntervals(DutyKind kind, Map<Tier, Integer> every, String prefix) {

    static DutyIntervals of(Duty duty, DutyKind kind, String prefix) {
        Map<Tier, Integer> every = new EnumMap<>(Tier.class);
        duty.byTier().forEach((tier, e) -> {
            if (e.days(kind) != null) {
                every.put(tier, e.days(kind));
            }
        });
        return new DutyIntervals(kind, Map.copyOf(every), prefix);
    }

    boolean none() {
        return every.isEmpty();
    }

    Set<Tier> tiers() {
        return every.keySet();
    }

    int days(Tier tier) {
        return every.get(tier);
    }

    /** Days of the user's contacts read back: "none in the last N days" beyond them. */
    int window() {
        return 2 * every.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * The user's ({@code :me}) last contact of this kind per customer within the window, as a
     * derived table of (customer_id, last_at); puts its parameter in {@code params}.
     */
    String lastContacts(Map<String, Object> params, LocalDate today, ZoneId zone) {
        params.put(prefix + "since", startOf(today.minusDays(window()), zone));
        return "SELECT x.customer_id, MAX(x.occurred_at) AS last_at FROM ("
                + PersonContacts.of("%s = :me", "l.channel = '" + kind.channel() + "'", false)
                        .replace(":since", ":" + prefix + "since")
                + ") x GROUP BY x.customer_id";
    }

    /**
     * Whether a key account of the list's tier {@code t.sort_tier} is due, its last contact in
     * {@code lastAt}; puts each tier's cut-off in {@code params}.
     */
    String due(String lastAt, Map<String, Object> params, LocalDate today, ZoneId zone) {
        List<String> conditions = new ArrayList<>();
        every.forEach((tier, n) -> {
            // contacted on day d, every n days: due from d + n on, so a contact before today - n + 1 is due
            params.put(prefix + tier, startOf(today.minusDays(n - 1L), zone));
            conditions.add("(t.sort_tier = '" + tier + "' AND (" + lastAt + " IS NULL OR " + lastAt + " < :" + prefix
                    + tier + "))");
        });
        return conditions.isEmpty() ? "FALSE" : String.join(" OR ", conditions);
    }

    private static Timestamp startOf(LocalDate day, ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
