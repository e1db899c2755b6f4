package com.keyaccount.crm.scoring.satisfaction;

import java.util.Collection;

/**
 * NPS from the 0–10 "would recommend" answers: promoters (9–10) minus detractors (0–6), as a
 * whole percentage of all answers (−100 to 100); passives (7–8) count only in the total.
 */
public record NetPromoterScore(long promoters, long passives, long detractors) {

    public static NetPromoterScore of(Collection<Integer> ratings) {
        long promoters = ratings.stream().filter(r -> r >= 9).count();
        long detractors = ratings.stream().filter(r -> r <= 6).count();
        return new NetPromoterScore(promoters, ratings.size() - promoters - detractors, detractors);
    }

    public long answers() {
        return promoters + passives + detractors;
    }

    /** The score, rounded half away from zero; null when nobody answered. */
    public Integer score() {
        long total = answers();
        if (total == 0) {
            return null;
        }
        return (int) Math.round((promoters - detractors) * 100.0 / total);
    }
}
