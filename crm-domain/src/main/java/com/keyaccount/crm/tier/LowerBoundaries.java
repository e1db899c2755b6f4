package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.HardRules;
import java.math.BigDecimal;
import java.util.List;

/**
 * The boundaries of a ladder's fourth and fifth tiers for the methods whose first two have
 * columns of their own (Pareto's cuts, the hard rules' floors); the scorecard's go with its JSON.
 */
record LowerBoundaries(List<BigDecimal> pareto, List<HardRules.Floor> hardRules) {

    static final LowerBoundaries NONE = new LowerBoundaries(List.of(), List.of());

    LowerBoundaries {
        pareto = pareto == null ? List.of() : List.copyOf(pareto);
        hardRules = hardRules == null ? List.of() : List.copyOf(hardRules);
    }
}
