package com.keyaccount.crm.scoring.pareto;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Pareto ABC classification (SPEC "Tier rules" 1): rank by revenue descending, ties by customer
 * id ascending, and classify by the cumulative share of revenue <em>before</em> each customer,
 * so the customer that crosses the A cutoff is still A. Zero revenue is always C.
 */
public final class ParetoClassifier {

    static final Comparator<CustomerFigures> RANKING = Comparator.comparing(CustomerFigures::revenue).reversed()
            .thenComparingLong(CustomerFigures::customerId);

    private ParetoClassifier() {
    }

    /** @throws IllegalArgumentException for cutoffs with violations, which would classify nonsense */
    public static List<TierDecision> classify(Collection<CustomerFigures> customers, ParetoCutoffs cutoffs) {
        Violation.requireNone(cutoffs.violations());
        List<CustomerFigures> ranked = new ArrayList<>(customers);
        ranked.sort(RANKING);
        BigDecimal total = ranked.stream().map(CustomerFigures::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        // compare before < cutoff * total instead of dividing, so boundaries are exact
        BigDecimal limitA = cutoffs.a().multiply(total);
        BigDecimal limitB = cutoffs.b().multiply(total);

        List<TierDecision> decisions = new ArrayList<>(ranked.size());
        BigDecimal before = BigDecimal.ZERO;
        int rank = 0;
        for (CustomerFigures customer : ranked) {
            rank++;
            Tier tier = customer.revenue().signum() == 0 ? Tier.C
                    : before.compareTo(limitA) < 0 ? Tier.A
                    : before.compareTo(limitB) < 0 ? Tier.B
                    : Tier.C;
            decisions.add(new TierDecision(customer.customerId(), tier,
                    new ParetoExplanation(rank, ranked.size(), share(before, total), customer.revenue())));
            before = before.add(customer.revenue());
        }
        return decisions;
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO : part.divide(total, 6, RoundingMode.HALF_EVEN);
    }
}
