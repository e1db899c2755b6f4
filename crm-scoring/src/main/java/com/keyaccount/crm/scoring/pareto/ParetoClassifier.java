package com.keyaccount.crm.scoring.pareto;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.Measured;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Pareto ABC classification (SPEC "Tier rules" 1): rank by the measure (net revenue or gross
 * margin) descending, ties by customer id ascending, and classify by the cumulative share of it
 * <em>before</em> each customer, so the customer that crosses the A cutoff is still A. A figure
 * of zero or less counts as zero, and zero is always the bottom tier. A ladder of four or five
 * tiers cuts once more per tier ({@link ParetoCutoffs#limits()}).
 */
public final class ParetoClassifier {

    private ParetoClassifier() {
    }

    /** By net revenue. */
    public static List<TierDecision> classify(Collection<CustomerFigures> customers, ParetoCutoffs cutoffs) {
        return classify(customers, cutoffs, Measure.NET_REVENUE);
    }

    /** @throws IllegalArgumentException for cutoffs with violations, which would classify nonsense */
    public static List<TierDecision> classify(Collection<CustomerFigures> customers, ParetoCutoffs cutoffs,
            Measure measure) {
        Violation.requireNone(cutoffs.violations());
        List<CustomerFigures> ranked = new ArrayList<>(customers);
        ranked.sort(ranking(measure));
        BigDecimal total = ranked.stream().map(c -> c.measured(measure)).reduce(BigDecimal.ZERO, BigDecimal::add);
        // compare before < cutoff * total instead of dividing, so boundaries are exact
        List<BigDecimal> limits = cutoffs.limits().stream().map(cut -> cut.multiply(total)).toList();
        Tier lowest = Tier.at(limits.size());

        List<TierDecision> decisions = new ArrayList<>(ranked.size());
        BigDecimal before = BigDecimal.ZERO;
        int rank = 0;
        for (CustomerFigures customer : ranked) {
            rank++;
            BigDecimal value = customer.measured(measure);
            Tier tier = value.signum() == 0 ? lowest : band(before, limits);
            decisions.add(new TierDecision(customer.customerId(), tier,
                    new ParetoExplanation(rank, ranked.size(), share(before, total), Measured.of(customer, measure))));
            before = before.add(value);
        }
        return decisions;
    }

    /** The first band whose limit {@code before} is under; below every limit, the bottom tier. */
    public static Tier band(BigDecimal before, List<BigDecimal> limits) {
        for (int band = 0; band < limits.size(); band++) {
            if (before.compareTo(limits.get(band)) < 0) {
                return Tier.at(band);
            }
        }
        return Tier.at(limits.size());
    }

    /** The ranking: the measure descending, ties by customer id (the bands by share of customers rank so too). */
    public static Comparator<CustomerFigures> ranking(Measure measure) {
        return Comparator.comparing((CustomerFigures c) -> c.measured(measure)).reversed()
                .thenComparingLong(CustomerFigures::customerId);
    }

    /** {@code part} of {@code total} to six places; of nothing, nothing. */
    public static BigDecimal share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO : part.divide(total, 6, RoundingMode.HALF_EVEN);
    }
}
