package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.TierLadder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The names of the tiers in force, as every page, export and chart shows them. A page names
 * tiers dozens of times, so the ladder is kept: read again after a rule version is published
 * here (once it is committed), and at least every minute, which is how a version waiting for its
 * date, or one published by another instance, comes into force.
 */
@Component
public class TierNames {

    static final Duration KEPT = Duration.ofMinutes(1);

    private record Kept(TierLadder ladder, Instant readAt) {
    }

    private final TierPolicyRepository policies;
    private final Clock clock;
    private final ZoneId businessZone;
    private volatile Kept kept;

    TierNames(TierPolicyRepository policies, Clock clock, ZoneId businessZone) {
        this.policies = policies;
        this.clock = clock;
        this.businessZone = businessZone;
    }

    /** The ladder of the rule version in force today. */
    public TierLadder ladder() {
        Kept now = kept;
        Instant at = clock.instant();
        return now != null && !stale(now, at) ? now.ladder() : read(at);
    }

    /** One reader at a time: the many pages opened at the start of a day share one read. */
    private synchronized TierLadder read(Instant at) {
        Kept now = kept;
        if (now == null || stale(now, at)) {
            now = new Kept(policies.inForceOn(LocalDate.ofInstant(at, businessZone)).map(TierPolicy::getLadder)
                    .orElse(TierLadder.DEFAULT), at);
            kept = now;
        }
        return now.ladder();
    }

    private static boolean stale(Kept kept, Instant at) {
        return kept.readAt().plus(KEPT).isBefore(at);
    }

    /** The tiers of the ladder in force, top first: what pages list, filter by and count. */
    public List<Tier> tiers() {
        return Tier.of(ladder());
    }

    /** What {@code tier} is called in {@code locale}'s language. */
    public String name(Tier tier, Locale locale) {
        return ladder().rung(tier.name()).name(locale);
    }

    /** Reads the ladder again once the current transaction (which may publish a new one) commits. */
    public void forgetOnCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    kept = null;
                }
            });
        } else {
            kept = null;
        }
    }
}
