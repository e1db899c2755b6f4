package com.keyaccount.crm.demo;

import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The tiers the first recompute will give the generated book, worked out from the net revenue
 * the generator wrote, so each customer's contacts can follow its tier's visit quotas: the same
 * Pareto walk as {@code ParetoClassifier} (net revenue descending, ties by id; A while the share
 * before the customer is below cutoff A; zero or less is C).
 */
final class DemoTiers {

    private DemoTiers() {
    }

    /**
     * @param ids       customer ids, index by index with {@code netCents}
     * @param netCents  net revenue of each customer in the tier window, in cents
     */
    static Tier[] of(long[] ids, long[] netCents, ParetoCutoffs cutoffs) {
        Integer[] order = new Integer[ids.length];
        long total = 0;
        for (int i = 0; i < ids.length; i++) {
            order[i] = i;
            total += Math.max(0, netCents[i]);
        }
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> -Math.max(0, netCents[i]))
                .thenComparingLong(i -> ids[i]));
        BigDecimal limitA = cutoffs.a().multiply(BigDecimal.valueOf(total));
        BigDecimal limitB = cutoffs.b().multiply(BigDecimal.valueOf(total));
        Tier[] tiers = new Tier[ids.length];
        long before = 0;
        for (int i : order) {
            long value = Math.max(0, netCents[i]);
            BigDecimal share = BigDecimal.valueOf(before);
            tiers[i] = value == 0 ? Tier.C
                    : share.compareTo(limitA) < 0 ? Tier.A
                    : share.compareTo(limitB) < 0 ? Tier.B
                    : Tier.C;
            before += value;
        }
        return tiers;
    }
}
