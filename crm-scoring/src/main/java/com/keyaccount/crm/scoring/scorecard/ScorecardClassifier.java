package com.keyaccount.crm.scoring.scorecard;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.scorecard.ScorecardExplanation.CriterionScore;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.Criterion;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.PointBand;
import com.keyaccount.crm.tier.rules.Scorecard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Scorecard classification (SPEC "Tier rules" 2): points per criterion, total against bands. The
 * sales criteria (monthly average and revenue in the window) score the measure: net revenue or
 * gross margin, zero or less as zero.
 */
public final class ScorecardClassifier {

    private ScorecardClassifier() {
    }

    /** On net revenue. */
    public static List<TierDecision> classify(Collection<CustomerFigures> customers, Scorecard scorecard,
            int windowMonths) {
        return classify(customers, scorecard, windowMonths, Measure.NET_REVENUE);
    }

    /** @throws IllegalArgumentException for a scorecard with violations, which would classify nonsense */
    public static List<TierDecision> classify(Collection<CustomerFigures> customers, Scorecard scorecard,
            int windowMonths, Measure measure) {
        Violation.requireNone(scorecard.violations());
        if (windowMonths <= 0) {
            throw new IllegalArgumentException("the evaluation window must have at least one month");
        }
        List<TierDecision> decisions = new ArrayList<>(customers.size());
        for (CustomerFigures customer : customers) {
            decisions.add(score(customer, scorecard, windowMonths, measure));
        }
        return decisions;
    }

    static TierDecision score(CustomerFigures customer, Scorecard scorecard, int windowMonths) {
        return score(customer, scorecard, windowMonths, Measure.NET_REVENUE);
    }

    static TierDecision score(CustomerFigures customer, Scorecard scorecard, int windowMonths, Measure measure) {
        List<CriterionScore> parts = new ArrayList<>(scorecard.criteria().size());
        int total = 0;
        for (Criterion criterion : scorecard.criteria()) {
            BigDecimal value = value(criterion, customer, windowMonths, measure);
            int points = value == null ? criterion.pointsWithoutData() : points(criterion, value);
            parts.add(new CriterionScore(criterion.name(), value == null ? null : value.doubleValue(), points));
            total += points;
        }
        Tier tier = tierOf(total, scorecard.minimums());
        return new TierDecision(customer.customerId(), tier,
                new ScorecardExplanation(total, List.copyOf(parts), scorecard.minimumForA(), scorecard.minimumForB()));
    }

    /** The first tier whose minimum the total reaches; none reached, the bottom tier. */
    private static Tier tierOf(int total, List<Integer> minimums) {
        for (int i = 0; i < minimums.size(); i++) {
            if (total >= minimums.get(i)) {
                return Tier.at(i);
            }
        }
        return Tier.at(minimums.size());
    }

    static int points(Criterion criterion, BigDecimal value) {
        for (PointBand band : criterion.bands()) {
            int comparison = value.compareTo(band.threshold());
            if (criterion.higherIsBetter() ? comparison >= 0 : comparison <= 0) {
                return band.points();
            }
        }
        return criterion.otherwisePoints();
    }

    private static BigDecimal value(Criterion criterion, CustomerFigures customer, int windowMonths,
            Measure measure) {
        return switch (criterion.metric()) {
            case MONTHLY_AVERAGE_SALES -> customer.measured(measure).divide(BigDecimal.valueOf(windowMonths), 2,
                    RoundingMode.HALF_UP);
            case REVENUE -> customer.measured(measure);
            case ORDER_COUNT -> BigDecimal.valueOf(customer.orderCount());
            case AVERAGE_DAYS_TO_PAY -> customer.averageDaysToPay() == null ? null
                    : BigDecimal.valueOf(customer.averageDaysToPay());
            case POTENTIAL -> customer.potential() == null ? null : BigDecimal.valueOf(customer.potential());
            case YEARS_AS_CUSTOMER -> customer.yearsAsCustomer() == null ? null
                    : BigDecimal.valueOf(customer.yearsAsCustomer()).setScale(1, RoundingMode.DOWN);
            case SATISFACTION -> customer.satisfaction() == null ? null : BigDecimal.valueOf(customer.satisfaction());
            case REVENUE_GROWTH -> customer.revenueGrowth() == null ? null
                    : BigDecimal.valueOf(customer.revenueGrowth()).setScale(1, RoundingMode.HALF_UP);
        };
    }
}
