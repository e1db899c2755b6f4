package com.keyaccount.crm.tier.rules;

import java.util.List;
import java.util.Objects;

/**
 * A scorecard criterion, e.g. "monthly average sales: ≥20k → 70, ≥10k → 50, ≥5k → 40,
 * otherwise 30". Bands are checked in order; the first that the value reaches wins.
 *
 * @param higherIsBetter  true: a band applies when value ≥ threshold; false: when value ≤ threshold
 * @param otherwisePoints points when no band applies
 * @param pointsWithoutData points for a customer without this figure (e.g. no payment history yet)
 */
public record Criterion(String name, Metric metric, boolean higherIsBetter, List<PointBand> bands,
        int otherwisePoints, int pointsWithoutData) {

    public Criterion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        bands = List.copyOf(bands);
        for (int i = 1; i < bands.size(); i++) {
            int order = bands.get(i - 1).threshold().compareTo(bands.get(i).threshold());
            if (higherIsBetter ? order <= 0 : order >= 0) {
                throw new IllegalArgumentException("bands of '" + name + "' must run from best to worst");
            }
        }
    }
}
