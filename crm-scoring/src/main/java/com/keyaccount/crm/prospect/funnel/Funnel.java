package com.keyaccount.crm.prospect.funnel;

import com.keyaccount.crm.prospect.RefusalReason;
import java.util.List;
import java.util.Map;

/**
 * What the funnel page shows for one filter: each stage now and over the period, the prospects
 * per stage and close-time class and per stage and priority class, per manager and per region,
 * and the refusal reasons, most frequent first.
 *
 * @param stages    in ladder order, then stages of earlier ladders that prospects still stand at
 * @param byClose   per stage code, prospects per close-time class ("A" … "E", {@link #NONE} not graded)
 * @param byPriority per stage code, prospects per priority class ("A" … "D", {@link #NONE})
 * @param byManager per owner (id as key), largest book first; empty for an account manager
 */
public record Funnel(FunnelFilter filter, StageNames names, List<StageRow> stages, Map<String, Map<String, Long>> byClose,
        Map<String, Map<String, Long>> byPriority, List<Group> byManager, List<Group> byRegion, List<Reason> reasons,
        Group total) {

    /** The class key of a prospect not graded. */
    public static final String NONE = "none";
    public static final List<String> CLOSE_CLASSES = List.of("A", "B", "C", "D", "E", NONE);
    public static final List<String> PRIORITY_CLASSES = List.of("A", "B", "C", "D", NONE);

    public long closeCount(String stage, String closeClass) {
        return byClose.getOrDefault(stage, Map.of()).getOrDefault(closeClass, 0L);
    }

    public long priorityCount(String stage, String priority) {
        return byPriority.getOrDefault(stage, Map.of()).getOrDefault(priority, 0L);
    }

    public long closeTotal(String closeClass) {
        return byClose.values().stream().mapToLong(m -> m.getOrDefault(closeClass, 0L)).sum();
    }

    public long priorityTotal(String priority) {
        return byPriority.values().stream().mapToLong(m -> m.getOrDefault(priority, 0L)).sum();
    }

    public long refusals() {
        return reasons.stream().mapToLong(Reason::count).sum();
    }

    /**
     * One stage: now (all, and the stuck among them) and over the period (see FunnelFlows).
     *
     * @param inLadder    false: a stage of an earlier ladder version
     * @param medianDays  the median length in days of the stays that ended in the period; null without one
     */
    public record StageRow(String code, boolean inLadder, boolean refusal, long now, long stuck, long stood,
            long movedUp, long left, Double medianDays, String next) {

        public Double conversion() {
            return next == null || stood == 0 ? null : (double) movedUp / stood;
        }
    }

    /**
     * Prospects of one owner or region: all, still climbing, stuck among those, refused, won (the
     * won stage or past it).
     */
    public record Group(String key, String label, long prospects, long open, long stuck, long refused, long won) {

        Group plus(long count, boolean isOpen, boolean isStuck, boolean isRefused, boolean isWon) {
            return new Group(key, label, prospects + count, open + (isOpen ? count : 0), stuck + (isStuck ? count : 0),
                    refused + (isRefused ? count : 0), won + (isWon ? count : 0));
        }
    }

    public record Reason(RefusalReason reason, long count) {
    }
}
