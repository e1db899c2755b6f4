package com.keyaccount.crm.preview.application;

import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a draft would do if published now, computed on live data: customers per tier now and
 * under the draft, who would move (the largest by revenue first; the counts are complete), and
 * each account manager's required contacts per 30 days under the current visit quotas.
 *
 * @param notClassified customers without a tier yet (scheduled as C until a recompute)
 * @param pinnedHeld    customers whose computed tier would move but whose pinned tier holds
 * @param churnFlaggedNow   customers on the churn-warning list under the thresholds in force
 * @param churnFlaggedDraft ... under the draft's thresholds (both with today's tiers)
 */
public record Preview(Map<Tier, Long> now, long notClassified, Map<Tier, Long> draft, long upgrades,
        long downgrades, long newlyClassified, long pinnedHeld, List<Move> ups, List<Move> downs,
        List<ManagerLoad> managers, long churnFlaggedNow, long churnFlaggedDraft, int listLimit, long millis) {

    /** One customer that would change tier, with the figures the draft decided on. */
    public record Move(long customerId, String code, String name, String owner, Tier from, Tier to,
            BigDecimal revenue, long orders, Double averageDaysToPay, Integer score, BigDecimal shareBefore) {
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
}
