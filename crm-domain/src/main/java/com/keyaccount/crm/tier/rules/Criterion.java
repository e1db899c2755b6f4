package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
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
    }

    /**
     * Bands must run from best to worst, strictly: otherwise a later band could never be
     * reached, or two would claim the same values.
     */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (name.isBlank()) {
            found.add(Violation.of("name", "criterion.unnamed"));
        }
        if (bands.isEmpty()) {
            found.add(Violation.of("bands", "bands.none"));
        }
        for (int i = 0; i < bands.size(); i++) {
            String path = "bands[" + i + "]";
            bands.get(i).violations().forEach(v -> found.add(v.under(path)));
            if (i > 0 && !inOrder(bands.get(i - 1), bands.get(i))) {
                found.add(Violation.of(path + ".threshold", higherIsBetter ? "bands.descending" : "bands.ascending"));
            }
        }
        Violation.range(found, "otherwisePoints", otherwisePoints, 0, PointBand.MOST_POINTS);
        Violation.range(found, "pointsWithoutData", pointsWithoutData, 0, PointBand.MOST_POINTS);
        return found;
    }

    private boolean inOrder(PointBand better, PointBand worse) {
        int order = worse.threshold().compareTo(better.threshold());
        return higherIsBetter ? order < 0 : order > 0;
    }
}
