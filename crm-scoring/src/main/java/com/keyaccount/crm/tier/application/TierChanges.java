package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.scorecard.ScorecardExplanation;
import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a recompute's decisions change against the stored tiers. A night's sales move nearly
 * everyone's Pareto rank, but rank and share are the run's ranking, not the row's: only rows
 * whose tier, own figures or policy version changed are rewritten, and only moves of the
 * effective tier become history.
 */
final class TierChanges {

    private final List<TierStage.Row> staged = new ArrayList<>();
    private final List<Long> rescheduled = new ArrayList<>();
    private int tierRows;
    private int upgrades;
    private int downgrades;

    private TierChanges() {
    }

    static TierChanges of(List<TierDecision> decisions, Map<Long, CustomerRow> rows, int version, Instant now,
            LocalDate today) {
        TierChanges changes = new TierChanges();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (TierDecision decision : decisions) {
            changes.add(decision, rows.get(decision.customerId()), version, at, today);
        }
        return changes;
    }

    private void add(TierDecision decision, CustomerRow row, int version, OffsetDateTime at, LocalDate today) {
        Explained e = Explained.of(decision, row.figures());
        // the explanation names the policy version, so a new version rewrites every row
        boolean tierRowChanged = row.storedComputed() != decision.tier()
                || !Objects.equals(row.storedVersion(), version) || !sameExplanation(row, e);
        Tier effective = row.effective(decision.tier(), today);
        Tier from = row.storedEffective();
        boolean effectiveChanged = effective != from;
        if (!tierRowChanged && !effectiveChanged) {
            return;
        }
        if (tierRowChanged) {
            tierRows++;
        }
        if (effective != (from == null ? Tier.C : from)) {
            rescheduled.add(decision.customerId());
        }
        if (effectiveChanged && from != null) {
            if (effective.ordinal() < from.ordinal()) {
                upgrades++;
            } else {
                downgrades++;
            }
        }
        staged.add(new TierStage.Row(decision.customerId(), decision.tier().name(), version, at,
                row.figures().revenue(), row.figures().margin(), row.figures().orderCount(), e.averageDaysToPay,
                e.score, e.scoreParts,
                effective.name(), from == null ? null : from.name(),
                effectiveChanged ? reason(row, decision.tier(), effective, today) : null));
    }

    /** The rows to write: changed tiers and explanations, with a history reason where the effective tier moved. */
    List<TierStage.Row> staged() {
        return staged;
    }

    /** Customers whose visit cadence changes: their tier for scheduling (C until classified) moved. */
    List<Long> rescheduled() {
        return rescheduled;
    }

    int tierRows() {
        return tierRows;
    }

    int upgrades() {
        return upgrades;
    }

    int downgrades() {
        return downgrades;
    }

    private static String reason(CustomerRow row, Tier computed, Tier effective, LocalDate today) {
        if (effective != computed) {
            return row.designated() ? "DESIGNATED" : "PINNED";
        }
        return row.pinned() != null && row.pinnedUntil() != null && row.pinnedUntil().isBefore(today)
                ? "PIN_EXPIRED" : "RECOMPUTED";
    }

    /** The row's own figures; rank and share before are the ranking's (they move with everyone's). */
    private static boolean sameExplanation(CustomerRow row, Explained e) {
        return sameNumber(row.storedRevenue(), row.figures().revenue())
                && sameNumber(row.storedMargin(), row.figures().margin())
                && Objects.equals(row.storedOrders(), row.figures().orderCount())
                && sameNumber(row.storedDaysToPay(), e.averageDaysToPay)
                && Objects.equals(row.storedScore(), e.score)
                && Objects.equals(row.storedScoreParts(), e.scoreParts);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The explanation columns of one decision (a Pareto one's rank is in the run's ranking). */
    private record Explained(BigDecimal averageDaysToPay, Integer score, String scoreParts) {

        static Explained of(TierDecision decision, CustomerFigures figures) {
            BigDecimal days = figures.averageDaysToPay() == null ? null
                    : BigDecimal.valueOf(figures.averageDaysToPay()).setScale(2, RoundingMode.HALF_UP);
            if (decision.explanation() instanceof ScorecardExplanation s) {
                String parts = s.parts().stream().map(part -> part.criterion() + "=" + part.points())
                        .collect(Collectors.joining(";"));
                return new Explained(days, s.total(), parts);
            }
            return new Explained(days, null, null);
        }
    }
}
