package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.tier.Tier;
import java.util.List;
import java.util.Map;

/**
 * How many customers are due (overdue to the end of the coming week) per tier and per city, each
 * within the other filter: what each choice of My day's filters would show.
 *
 * @param cities the cities named by due customers' addresses, most customers first
 */
public record FilterCounts(Map<Tier, Long> tiers, List<CityCount> cities) {

    public record CityCount(String city, long count) {
    }

    public FilterCounts {
        tiers = Map.copyOf(tiers);
        cities = List.copyOf(cities);
    }

    public long tier(Tier tier) {
        return tiers.getOrDefault(tier, 0L);
    }
}
