package com.keyaccount.crm.scoring.service;

import com.keyaccount.crm.scoring.satisfaction.NetPromoterScore;
import com.keyaccount.crm.scoring.satisfaction.SatisfactionScores;
import java.math.BigDecimal;

/**
 * Service as a KPI for a group of customers in a period (issue 18, 「将客户满意度作为员工考核的重要指标」):
 * complaints answered and resolved by their deadlines, and the satisfaction surveys answered.
 * Groups add up ({@link #plus}), so a manager's, a tier's and the total line are sums of the same parts.
 *
 * @param answered  complaints whose answer deadline fell in the period, by how many were answered by it
 * @param resolved  complaints whose resolution deadline fell in the period, by how many were resolved by it
 * @param responses surveys answered in the period
 * @param scoreSum  the sum of their scores (0–100), of {@code scored} scored ones
 * @param nps       their answers to the "would recommend" question
 */
public record ServiceKpi(OnTime answered, OnTime resolved, long responses, BigDecimal scoreSum, long scored,
        NetPromoterScore nps) {

    public static final ServiceKpi NONE = new ServiceKpi(OnTime.NONE, OnTime.NONE, 0, BigDecimal.ZERO, 0,
            new NetPromoterScore(0, 0, 0));

    public ServiceKpi plus(ServiceKpi other) {
        return new ServiceKpi(answered.plus(other.answered), resolved.plus(other.resolved),
                responses + other.responses, scoreSum.add(other.scoreSum), scored + other.scored,
                new NetPromoterScore(nps.promoters() + other.nps.promoters(), nps.passives() + other.nps.passives(),
                        nps.detractors() + other.nps.detractors()));
    }

    /** The mean score, one decimal; null when no survey was scored. */
    public BigDecimal averageScore() {
        return SatisfactionScores.average(scoreSum, scored).orElse(null);
    }

    /** NPS, or null when nobody answered the recommend question. */
    public Integer npsScore() {
        return nps.score();
    }

    /**
     * Deadlines that fell in the period and are decided: met, or passed unmet. One not yet due
     * and not yet met is neither, so an open complaint does not count against anyone early.
     *
     * @param due the decided deadlines
     * @param met of them, those met
     */
    public record OnTime(long due, long met) {

        public static final OnTime NONE = new OnTime(0, 0);

        public OnTime {
            if (met < 0 || due < met) {
                throw new IllegalArgumentException("met " + met + " of " + due);
            }
        }

        OnTime plus(OnTime other) {
            return new OnTime(due + other.due, met + other.met);
        }

        /** met / due as a percentage rounded down, as attainment rounds; null when nothing was due. */
        public Integer percent() {
            return due == 0 ? null : (int) (met * 100 / due);
        }
    }
}
