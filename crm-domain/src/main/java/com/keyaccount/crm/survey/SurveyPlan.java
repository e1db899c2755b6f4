package com.keyaccount.crm.survey;

import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import java.util.ArrayList;
import java.util.List;

/**
 * When customers are asked: every so many months per tier (null: that tier is not surveyed
 * periodically), and after a complaint is confirmed resolved; a personal link's life in days.
 */
public record SurveyPlan(Integer monthsA, Integer monthsB, Integer monthsC, boolean afterComplaint, int linkDays) {

    public static final SurveyPlan DEFAULT = new SurveyPlan(3, 6, 12, true, 14);

    /** Set for the top three tiers; a longer ladder's fourth and fifth tiers are asked as its third. */
    public Integer monthsFor(Tier tier) {
        return switch (tier) {
            case A -> monthsA;
            case B -> monthsB;
            case C, D, E -> monthsC;
        };
    }

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (monthsA != null) {
            Violation.range(found, "monthsA", monthsA, 1, 36);
        }
        if (monthsB != null) {
            Violation.range(found, "monthsB", monthsB, 1, 36);
        }
        if (monthsC != null) {
            Violation.range(found, "monthsC", monthsC, 1, 36);
        }
        Violation.range(found, "linkDays", linkDays, 1, 90);
        return found;
    }
}
