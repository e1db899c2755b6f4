package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.tier.Tier;
import java.util.List;

/** What My day and the week view are narrowed to: a tier and a city, each optional. */
public record DueFilter(Tier tier, String city) {

    public static final DueFilter NONE = new DueFilter(null, null);

    public boolean isEmpty() {
        return tier == null && city == null;
    }

    /** The SQL conditions on {@code follow_up f}, with their arguments added to {@code args}. */
    String sql(List<Object> args) {
        StringBuilder where = new StringBuilder();
        if (tier != null) {
            where.append(" AND f.tier = ?");
            args.add(tier.name());
        }
        if (city != null) {
            where.append(" AND f.city = ?");
            args.add(city);
        }
        return where.toString();
    }
}
