package com.keyaccount.crm.scoring.prospect;

import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which of a ladder's conditions hold for one prospect: the ticked ones (a decision-maker
 * condition only when its tick names a contact who is a decision maker today) and the automatic
 * ones the record shows. A tick on an automatic condition counts for nothing: those are seen,
 * not claimed.
 */
public final class ConditionsMet {

    private ConditionsMet() {
    }

    /**
     * @param ticks every ticked condition key, with whether its linked contact is a decision maker
     */
    public static Set<String> of(ProspectLadder ladder, Map<String, Boolean> ticks, ProspectFacts facts) {
        Set<String> met = new HashSet<>();
        for (LadderCondition c : ladder.allConditions()) {
            if (holds(ladder, c, ticks, facts)) {
                met.add(c.key());
            }
        }
        return met;
    }

    private static boolean holds(ProspectLadder ladder, LadderCondition c, Map<String, Boolean> ticks,
            ProspectFacts facts) {
        return switch (c.evidence()) {
            case TICK -> ticks.containsKey(c.key());
            case DECISION_MAKER -> Boolean.TRUE.equals(ticks.get(c.key()));
            case FIVE_FACTS -> facts.fiveFactsKnown();
            case TARGET_INDUSTRY -> facts.industry() != null && ladder.targetIndustries().contains(facts.industry());
            case SIZE -> facts.annualSales() != null && facts.annualSales().compareTo(ladder.minAnnualSales()) >= 0;
            case FIRST_ORDER -> facts.hasOrder();
        };
    }
}
