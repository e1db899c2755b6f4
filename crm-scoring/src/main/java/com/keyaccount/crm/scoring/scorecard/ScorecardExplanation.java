package com.keyaccount.crm.scoring.scorecard;

import com.keyaccount.crm.scoring.Explanation;
import java.util.List;

/** "70 (sales 50 + payment 20); B ≥ 60": the total and each criterion's points. */
public record ScorecardExplanation(int total, List<CriterionScore> parts, int minimumForA, int minimumForB)
        implements Explanation {

    /** @param value the scored figure, or {@code null} when the customer has none */
    public record CriterionScore(String criterion, Double value, int points) {
    }
}
