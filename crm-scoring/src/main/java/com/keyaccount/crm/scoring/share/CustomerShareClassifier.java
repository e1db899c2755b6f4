package com.keyaccount.crm.scoring.share;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.Measured;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.pareto.ParetoClassifier;
import com.keyaccount.crm.scoring.pareto.ParetoExplanation;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.CustomerShareBands;
import com.keyaccount.crm.tier.rules.Measure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Bands by share of customers (seed 002): rank by the measure as Pareto does, and place each
 * customer by how many customers rank <em>strictly above</em> it, against the cuts times the
 * number of customers. Customers of equal figures therefore share a band even where the cut falls
 * between them (a band may hold a little more than its share); a figure of zero or less is in the
 * lowest tier, however many customers have one. The explanation is the ranking's, as Pareto's.
 */
public final class CustomerShareClassifier {

    private CustomerShareClassifier() {
    }

    /** @throws IllegalArgumentException for cuts with violations, which would classify nonsense */
    public static List<TierDecision> classify(Collection<CustomerFigures> customers, CustomerShareBands bands,
            Measure measure) {
        Violation.requireNone(bands.violations());
        List<CustomerFigures> ranked = new ArrayList<>(customers);
        ranked.sort(ParetoClassifier.ranking(measure));
        BigDecimal count = BigDecimal.valueOf(ranked.size());
        // compare "above < cut × customers" rather than dividing, so a cut point is exact
        List<BigDecimal> limits = bands.cuts().stream().map(cut -> cut.multiply(count)).toList();
        BigDecimal total = ranked.stream().map(c -> c.measured(measure)).reduce(BigDecimal.ZERO, BigDecimal::add);
        Tier lowest = Tier.at(limits.size());

        List<TierDecision> decisions = new ArrayList<>(ranked.size());
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal previous = null;
        long above = 0;
        for (int i = 0; i < ranked.size(); i++) {
            CustomerFigures customer = ranked.get(i);
            BigDecimal value = customer.measured(measure);
            if (previous == null || value.compareTo(previous) != 0) {
                above = i;
                previous = value;
            }
            Tier tier = value.signum() == 0 ? lowest : ParetoClassifier.band(BigDecimal.valueOf(above), limits);
            decisions.add(new TierDecision(customer.customerId(), tier, new ParetoExplanation(i + 1, ranked.size(),
                    ParetoClassifier.share(before, total), Measured.of(customer, measure))));
            before = before.add(value);
        }
        return decisions;
    }

}
