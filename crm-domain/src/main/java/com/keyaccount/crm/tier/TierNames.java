package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.TierLadder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
    private volatile TierLadder former;

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

    /**
     * What {@code tier} is called in {@code locale}'s language. A tier the ladder in force no
     * longer has (history from a longer ladder) keeps the name the last ladder that had it gave it.
     */
    public String name(Tier tier, Locale locale) {
        TierLadder ladder = ladder();
        return (tier.in(ladder) ? ladder : formerNames()).rung(tier.name()).name(locale);
    }

    /**
     * Every tier's latest name among all versions; read only when a tier beyond the ladder in
     * force is named, so the pages of an unchanged ladder read one row a minute, as before.
     */
    private TierLadder formerNames() {
        TierLadder former = this.former;
        if (former == null) {
            List<TierLadder.Rung> rungs = new ArrayList<>();
            List<TierLadder> ladders = policies.findAllByOrderByVersionDesc().stream().map(TierPolicy::getLadder).toList();
            for (String code : TierLadder.CODES) {
                rungs.add(ladders.stream().filter(l -> l.size() > TierLadder.CODES.indexOf(code)).findFirst()
                        .orElse(TierLadder.DEFAULT).rung(code));
            }
            former = new TierLadder(rungs);
            this.former = former;
        }
        return former;
    }

    /** Reads the ladder again once the current transaction (which may publish a new one) commits. */
    public void forgetOnCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    kept = null;
                    former = null;
                }
            });
        } else {
            kept = null;
            former = null;
        }
    }
}
