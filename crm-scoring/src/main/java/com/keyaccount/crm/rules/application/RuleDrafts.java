package com.keyaccount.crm.rules.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.dashboard.application.ChurnWarnings;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierPolicyDraft;
import com.keyaccount.crm.tier.TierPolicyDraftRepository;
import com.keyaccount.crm.tier.TierPolicyRepository;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.shared.RecordNotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins change the rules in three steps: draft (edited and saved as often as wanted), preview
 * (see {@link WhatIf}), publish (the draft becomes the next numbered policy version). Published
 * versions are immutable; an older one comes back only as a new draft.
 */
@Service
@RequiredArgsConstructor
public class RuleDrafts {

    private final TierPolicyRepository policies;
    private final TierPolicyDraftRepository drafts;
    private final ChurnPolicies churnPolicies;
    private final ChurnWarnings churnWarnings;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId businessZone;

    /** What is published: the version, and whether it is already in force (else it waits for its date). */
    public record Published(TierPolicy policy, boolean inForceNow) {
    }

    @Transactional(readOnly = true)
    public TierPolicy policyInForce() {
        return policies.inForceOn(today()).orElseThrow(() -> new IllegalStateException("no tier policy in force"));
    }

    @Transactional(readOnly = true)
    public RuleSet rulesInForce() {
        return policyInForce().rules(churnWarnings.thresholds());
    }

    @Transactional(readOnly = true)
    public List<TierPolicy> versions() {
        return policies.findAllByOrderByVersionDesc();
    }

    @Transactional(readOnly = true)
    public TierPolicy version(int version) {
        return policies.findByVersion(version).orElseThrow(() -> new RecordNotFoundException("policy v" + version));
    }

    @Transactional(readOnly = true)
    public List<TierPolicyDraft> drafts() {
        return drafts.findAllByOrderByUpdatedAtDesc();
    }

    @Transactional(readOnly = true)
    public TierPolicyDraft draft(long id) {
        return drafts.findById(id).orElseThrow(() -> new RecordNotFoundException("draft " + id));
    }

    /** The highest version number published, in force or waiting for its date. */
    @Transactional(readOnly = true)
    public int newestVersion() {
        return policies.findTopByOrderByVersionDesc().map(TierPolicy::getVersion).orElse(0);
    }

    /** The newest published version when it is not in force yet. */
    @Transactional(readOnly = true)
    public Optional<TierPolicy> waitingVersion() {
        return policies.findTopByOrderByVersionDesc().filter(p -> p.takesEffectAfter(today()));
    }

    @Transactional
    public TierPolicyDraft startFromRulesInForce(Viewer viewer) {
        requireAdmin(viewer);
        TierPolicy base = policyInForce();
        return drafts.save(TierPolicyDraft.startFrom(base, base.rules(churnWarnings.thresholds()),
                viewer.username(), clock.instant()));
    }

    /** An older version as a new draft; the churn thresholds are today's, since they are versioned apart. */
    @Transactional
    public TierPolicyDraft restore(Viewer viewer, int version) {
        requireAdmin(viewer);
        TierPolicy old = version(version);
        return drafts.save(TierPolicyDraft.startFrom(policyInForce(), old.rules(churnWarnings.thresholds()),
                viewer.username(), clock.instant()));
    }

    @Transactional
    public void revise(Viewer viewer, long id, long seenVersion, RuleSet rules, LocalDate effectiveFrom, String note) {
        requireAdmin(viewer);
        TierPolicyDraft draft = current(id, seenVersion);
        draft.revise(rules, effectiveFrom, note, viewer.username(), clock.instant());
        drafts.flush();
    }

    @Transactional
    public void discard(Viewer viewer, long id) {
        requireAdmin(viewer);
        drafts.findById(id).ifPresent(drafts::delete);
    }

    /**
     * Publishes the draft exactly as it was previewed ({@code seenVersion}): the next tier
     * policy version, a new churn version when the thresholds changed, one audit row per changed
     * part. A concurrent publish of the same version number fails on its unique key.
     */
    @Transactional
    public Published publish(Viewer viewer, long id, long seenVersion) {
        requireAdmin(viewer);
        TierPolicyDraft draft = current(id, seenVersion);
        LocalDate today = today();
        LocalDate effectiveFrom = draft.getEffectiveFrom() == null || !draft.getEffectiveFrom().isAfter(today)
                ? null : draft.getEffectiveFrom();
        RuleSet before = rulesInForce();
        RuleSet after = draft.getRules();
        int next = newestVersion() + 1;
        TierPolicy published = policies.saveAndFlush(TierPolicy.publish(next, after, effectiveFrom, viewer.username(),
                draft.getNote(), clock.instant()));
        if (!after.churn().equals(before.churn())) {
            churnPolicies.publish(after.churn(), effectiveFrom, viewer.username(), clock.instant());
        }
        audit.created(viewer.username(), "TierPolicy", published.getId(), null);
        audit.changed(viewer.username(), "TierPolicy", published.getId(), null, RuleSetText.of(before),
                RuleSetText.of(after));
        if (effectiveFrom != null) {
            audit.fieldChanged(viewer.username(), "TierPolicy", published.getId(), null, "effectiveFrom", null,
                    effectiveFrom);
        }
        drafts.delete(draft);
        return new Published(published, effectiveFrom == null);
    }

    private TierPolicyDraft current(long id, long seenVersion) {
        TierPolicyDraft draft = drafts.findById(id).orElseThrow(() -> new StaleDraftException(id));
        if (draft.getVersion() != seenVersion) {
            throw new StaleDraftException(id);
        }
        return draft;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(businessZone));
    }

    private static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException("change tier rules");
        }
    }
}
