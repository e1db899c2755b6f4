package com.keyaccount.crm.preview.application;

import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.Measure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a draft would do if published now, computed on live data: customers per tier now and
 * under the draft, who would move (the largest by the draft's measure first; the counts are
 * complete), and each account manager's required contacts per 30 days under the current visit
 * quotas. With tiers per product line, also each line's tier counts and what lines without a
 * product line leave out.
 *
 * @param notClassified customers without a tier yet (scheduled as C until a recompute)
 * @param pinnedHeld    customers whose computed tier would move but whose pinned tier holds
 * @param churnFlaggedNow   customers on the churn-warning list under the thresholds in force
 * @param churnFlaggedDraft ... under the draft's thresholds (both with today's tiers)
 * @param measure       what the draft ranks by
 * @param lines         per product line, tier counts now and under the draft; empty over the whole book
 * @param withoutLine   with tiers per product line, the window's lines without one; {@code null} otherwise
 */
public record Preview(Map<Tier, Long> now, long notClassified, Map<Tier, Long> draft, long upgrades,
        long downgrades, long newlyClassified, long pinnedHeld, List<Move> ups, List<Move> downs,
        List<ManagerLoad> managers, long churnFlaggedNow, long churnFlaggedDraft, int listLimit, long millis,
        Measure measure, List<LineCounts> lines, WithoutLine withoutLine) {

    /** One customer that would change tier, with the figures the draft decided on. */
    public record Move(long customerId, String code, String name, String owner, Tier from, Tier to,
            BigDecimal revenue, long orders, Double averageDaysToPay, Integer score, BigDecimal shareBefore,
            BigDecimal margin) {
    }

    /** Required contacts (any channel) and on-site visits per 30 days for one manager's book. */
    public record ManagerLoad(long ownerId, String owner, long customers, int contactsNow, int contactsDraft,
            int visitsNow, int visitsDraft) {

        public int contactsChange() {
            return contactsDraft - contactsNow;
        }

        public int visitsChange() {
            return visitsDraft - visitsNow;
        }
    }

    /** A product line's customers per tier as stored now (none while tiers are not per line) and under the draft. */
    public record LineCounts(long productLineId, String productLine, Map<Tier, Long> now, Map<Tier, Long> draft) {
    }

    /** Sale lines and net revenue in the window without a product line: on no line's ranking. */
    public record WithoutLine(long orders, BigDecimal revenue) {
    }
}
