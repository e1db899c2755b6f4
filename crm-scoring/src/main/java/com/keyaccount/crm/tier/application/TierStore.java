package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.scoring.pin.PinRule;
import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.Tier;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of {@code customer_tier} and {@code tier_change} (and, through {@link TierStage},
 * of the working table {@code tier_stage}): a recompute's changed rows and a director's pins. A
 * move of a customer's effective tier is always written together with its history row, so the
 * history is complete whoever moved it.
 */
@Component
class TierStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TierStage stage;

    TierStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.stage = new TierStage(jdbc, database);
    }

    /**
     * Empties the working table, then stages a recompute's changed rows in batches, each committed
     * on its own, so no transaction stays open for the whole write.
     */
    void stage(List<TierStage.Row> rows, IntConsumer progress) {
        if (rows.isEmpty()) {
            // nothing to apply: rows a stopped run left behind are emptied by the next run that stages
            return;
        }
        transaction.executeWithoutResult(status -> stage.clear());
        stage.write(rows, progress);
    }

    /**
     * Applies the staged rows in the caller's transaction with two set-based statements: tiers
     * with their explanations, and history for the moves; then empties the working table.
     */
    void applyStaged(long runId) {
        jdbc.update("""
                MERGE INTO customer_tier t USING tier_stage s ON t.customer_id = s.customer_id
                WHEN MATCHED THEN UPDATE SET effective_tier = s.effective_tier, computed_tier = s.computed_tier,
                    policy_version = s.policy_version,
                    computed_at = s.computed_at, revenue = s.revenue, margin = s.margin, order_count = s.order_count,
                    avg_days_to_pay = s.avg_days_to_pay, rank_position = NULL, ranked_of = NULL,
                    share_before = NULL, score = s.score, score_parts = s.score_parts
                WHEN NOT MATCHED THEN INSERT (customer_id, effective_tier, computed_tier, policy_version,
                    computed_at, revenue, margin, order_count, avg_days_to_pay, score, score_parts)
                VALUES (s.customer_id, s.effective_tier, s.computed_tier, s.policy_version, s.computed_at,
                    s.revenue, s.margin, s.order_count, s.avg_days_to_pay, s.score, s.score_parts)""");
        jdbc.update("""
                INSERT INTO tier_change (customer_id, from_tier, to_tier, policy_version, changed_at, reason, run_id)
                SELECT customer_id, from_tier, effective_tier, policy_version, computed_at, history_reason, ?
                FROM tier_stage WHERE history_reason IS NOT NULL""", runId);
        stage.clear();
    }

    /**
     * 高层指定: a customer leadership designated is held at the top tier by a pin without end that
     * names the designation. A designation made before the customer was first classified (or before
     * designations held a tier) gets its pin here, after the recompute that wrote its row; the
     * staged effective tier already followed the designation.
     */
    void pinDesignated() {
        jdbc.update("""
                UPDATE customer_tier SET pinned_tier = ?, pinned_until = NULL,
                    pinned_reason = (SELECT c.designated_reason FROM customer c WHERE c.id = customer_tier.customer_id),
                    pinned_by = (SELECT u.username FROM customer c JOIN app_user u ON u.id = c.designated_by_id
                                 WHERE c.id = customer_tier.customer_id),
                    pinned_at = computed_at
                WHERE customer_id IN (SELECT id FROM customer WHERE designated_key = TRUE)
                  AND (pinned_tier IS NULL OR pinned_tier <> ? OR pinned_until IS NOT NULL)""",
                PinRule.DESIGNATED.name(), PinRule.DESIGNATED.name());
    }

    /** A pin as stored: the tier, why (stripped), through which day (none: until removed), by whom, when. */
    record Pin(Tier tier, String reason, LocalDate until, String by, Instant at) {
    }

    /**
     * Pins the customer's tier in the caller's transaction; the effective tier follows at once.
     *
     * @throws NotYetClassifiedException when no recompute has classified the customer yet
     */
    void pin(long customerId, Pin pin, LocalDate today) {
        pin(customerId, pin, today, "PINNED");
    }

    /** As {@link #pin(long, Pin, LocalDate)}, with the history row's reason. */
    void pin(long customerId, Pin pin, LocalDate today, String historyReason) {
        Stored stored = locked(customerId);
        Tier effective = PinRule.effective(stored.computed(), pin.tier(), pin.until(), today);
        jdbc.update("""
                UPDATE customer_tier SET pinned_tier = ?, pinned_reason = ?, pinned_until = ?, pinned_by = ?,
                    pinned_at = ?, effective_tier = ? WHERE customer_id = ?""", pin.tier().name(), pin.reason(),
                pin.until() == null ? null : Date.valueOf(pin.until()), pin.by(), pin.at().atOffset(ZoneOffset.UTC),
                effective.name(), customerId);
        recordMove(customerId, stored, effective, historyReason, pin.at());
    }

    /**
     * Removes the customer's pin in the caller's transaction; the computed tier is in force again.
     *
     * @return the tier that was pinned; empty when there was no pin
     * @throws NotYetClassifiedException when no recompute has classified the customer yet
     */
    Optional<Tier> unpin(long customerId, Instant now) {
        return unpin(customerId, now, "UNPINNED");
    }

    /** As {@link #unpin(long, Instant)}, with the history row's reason. */
    Optional<Tier> unpin(long customerId, Instant now, String historyReason) {
        Stored stored = locked(customerId);
        if (stored.pinned() == null) {
            return Optional.empty();
        }
        jdbc.update("""
                UPDATE customer_tier SET pinned_tier = NULL, pinned_reason = NULL, pinned_until = NULL,
                    pinned_by = NULL, pinned_at = NULL, effective_tier = computed_tier WHERE customer_id = ?""",
                customerId);
        recordMove(customerId, stored, stored.computed(), historyReason, now);
        return Optional.of(stored.pinned());
    }

    private record Stored(Tier effective, Tier computed, Tier pinned, int policyVersion) {
    }

    /** The row as it is, locked: a recompute applying its rows meanwhile waits rather than being overwritten. */
    private Stored locked(long customerId) {
        List<Stored> found = jdbc.query("""
                SELECT effective_tier, computed_tier, pinned_tier, policy_version FROM customer_tier
                WHERE customer_id = ? FOR UPDATE""", (rs, n) -> new Stored(Tier.valueOf(rs.getString(1)),
                Tier.valueOf(rs.getString(2)), tier(rs.getString(3)), rs.getInt(4)), customerId);
        if (found.isEmpty()) {
            throw new NotYetClassifiedException();
        }
        return found.get(0);
    }

    private void recordMove(long customerId, Stored before, Tier after, String reason, Instant at) {
        if (after == before.effective()) {
            return;
        }
        jdbc.update("""
                INSERT INTO tier_change (customer_id, from_tier, to_tier, policy_version, changed_at, reason)
                VALUES (?, ?, ?, ?, ?, ?)""", customerId, before.effective().name(), after.name(),
                before.policyVersion(), at.atOffset(ZoneOffset.UTC), reason);
    }

    private static Tier tier(String value) {
        return value == null ? null : Tier.valueOf(value);
    }
}
