package com.keyaccount.crm.scoring.prospect;

import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The funnel's figures per stage over a period, from where prospects stand now and the stage
 * changes made since the period began — so that no prospect's whole history is read. They count
 * <em>stays</em>: a prospect that comes back to a stage stays there again. Where a prospect stood
 * at the period's end follows from where it stands now, undoing the changes made after the end;
 * every stay at a stage during the period either lasted to its end or ended within it:
 * <pre>
 * at the end = now − arrivals after the end + departures after the end
 * stood      = at the end + departures during the period
 * conversion = departures up during the period / stood
 * </pre>
 * A prospect created after the period arrived at the lead stage after its end. A move is up when
 * it lands higher on the ladder ({@link ProspectLadder#level}); a stage the ladder no longer has
 * is below every stage it has.
 */
public final class FunnelFlows {

    private FunnelFlows() {
    }

    /** Stage changes from → to, counted; {@code inPeriod} false: made after the period's end. */
    public record Moves(String from, String to, boolean inPeriod, long count) {
    }

    /**
     * @param now      prospects standing at the stage now
     * @param stood    stays at the stage during the period
     * @param movedUp  stays that ended during the period with a move up
     * @param left     stays that ended during the period, with any move
     * @param next     the stage the ladder leads to from here (null: none — a refusal, the last
     *                 stage, one the ladder no longer has), so no conversion
     */
    public record StageFigures(String stage, long now, long stood, long movedUp, long left, String next) {

        /** The share of the stays that moved up; null without a next stage or a stay. */
        public Double conversion() {
            return next == null || stood == 0 ? null : (double) movedUp / stood;
        }
    }

    /**
     * The ladder's stages in its order, then any other stage a prospect stands at or left (an
     * earlier ladder's), in code order.
     */
    public static List<String> order(ProspectLadder ladder, Set<String> seen) {
        List<String> order = new ArrayList<>(ladder.stages().stream().map(StageDefinition::code).toList());
        Set<String> others = new TreeSet<>(seen);
        others.removeAll(order);
        order.addAll(others);
        return order;
    }

    /**
     * @param now          prospects per stage now (the lead stage counting those without a row)
     * @param moves        the stage changes made since the period began
     * @param createdAfter prospects created after the period's end
     */
    public static List<StageFigures> of(ProspectLadder ladder, Map<String, Long> now, List<Moves> moves,
            long createdAfter) {
        Set<String> seen = new TreeSet<>(now.keySet());
        moves.forEach(m -> {
            seen.add(m.from());
            seen.add(m.to());
        });
        Map<String, Long> arrivedAfter = new HashMap<>();
        Map<String, Long> leftAfter = new HashMap<>();
        Map<String, Long> left = new HashMap<>();
        Map<String, Long> up = new HashMap<>();
        for (Moves m : moves) {
            if (m.inPeriod()) {
                left.merge(m.from(), m.count(), Long::sum);
                if (ladder.level(m.to()) > ladder.level(m.from())) {
                    up.merge(m.from(), m.count(), Long::sum);
                }
            } else {
                arrivedAfter.merge(m.to(), m.count(), Long::sum);
                leftAfter.merge(m.from(), m.count(), Long::sum);
            }
        }
        arrivedAfter.merge(ladder.lead().code(), createdAfter, Long::sum);
        List<StageFigures> figures = new ArrayList<>();
        for (String stage : order(ladder, seen)) {
            long atEnd = now.getOrDefault(stage, 0L) - arrivedAfter.getOrDefault(stage, 0L)
                    + leftAfter.getOrDefault(stage, 0L);
            long departures = left.getOrDefault(stage, 0L);
            // never below what left: a history whose changes do not chain (from ≠ the stage before) cannot go negative
            long stood = Math.max(Math.max(0, atEnd) + departures, departures);
            figures.add(new StageFigures(stage, now.getOrDefault(stage, 0L), stood, up.getOrDefault(stage, 0L),
                    departures, next(ladder, stage)));
        }
        return figures;
    }

    /** The first stage above {@code code} that is not a refusal; null for a refusal or an unknown stage. */
    static String next(ProspectLadder ladder, String code) {
        StageDefinition stage = ladder.stage(code).orElse(null);
        if (stage == null || stage.kind() == StageKind.REFUSAL) {
            return null;
        }
        int level = ladder.level(code);
        return ladder.stages().stream()
                .filter(s -> s.kind() != StageKind.REFUSAL && ladder.level(s.code()) == level + 1)
                .map(StageDefinition::code).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
