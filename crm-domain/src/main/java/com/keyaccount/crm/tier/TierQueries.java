package com.keyaccount.crm.tier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of tiers for pages. Callers pass ids of customers the viewer may see (the customer
 * service has checked them).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class TierQueries {

    private final CustomerTierRepository tiers;
    private final TierChangeRepository changes;
    private final TierPolicyRepository policies;
    private final RecomputeRunRepository runs;
    private final ParetoRankings rankings;
    private final Clock clock;
    private final ZoneId businessZone;

    /** The customer's tier with its explanation (for Pareto, its place in the latest ranking). */
    public Optional<CustomerTier> tierOf(long customerId) {
        Optional<CustomerTier> tier = tiers.findById(customerId);
        tier.ifPresent(t -> {
            rankings.rankOf(customerId).ifPresent(t::explainBy);
            policies.findByVersion(t.getPolicyVersion()).ifPresent(t::rankedUnder);
        });
        return tier;
    }

    public Map<Long, CustomerTier> tiersOf(Collection<Long> customerIds) {
        ParetoRankings.Ranking ranking = rankings.latest();
        Map<Integer, Optional<TierPolicy>> versions = new HashMap<>();
        Map<Long, CustomerTier> found = new HashMap<>();
        for (CustomerTier tier : tiers.findByCustomerIdIn(customerIds)) {
            ranking.rankOf(tier.getCustomerId()).ifPresent(tier::explainBy);
            versions.computeIfAbsent(tier.getPolicyVersion(), policies::findByVersion).ifPresent(tier::rankedUnder);
            found.put(tier.getCustomerId(), tier);
        }
        return found;
    }

    public List<TierChange> historyOf(long customerId) {
        return changes.findTop50ByCustomerIdOrderByChangedAtDescIdDesc(customerId);
    }

    /** The policy in force today: the newest version that has taken effect. */
    public Optional<TierPolicy> policyInForce() {
        return policies.inForceOn(LocalDate.now(clock.withZone(businessZone)));
    }

    public List<RecomputeRun> recentRuns() {
        return runs.findTop10ByOrderByIdDesc();
    }
}
