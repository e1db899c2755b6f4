package com.keyaccount.crm.rules.application;

import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.Drafting;
import com.keyaccount.crm.policy.PolicyDrafts;
import com.keyaccount.crm.policy.Published;
import com.keyaccount.crm.preview.application.Preview;
import com.keyaccount.crm.preview.application.WhatIf;
import com.keyaccount.crm.shared.RecordNotFoundException;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierPolicyRepository;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.user.Viewer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule editor's use cases: the draft model of {@link PolicyDrafts} with any number of
 * drafts, each previewed by what it would do to every customer's tier ({@link WhatIf}) and
 * published as the next numbered version, after which tiers are recomputed (or, with an
 * effective date, on that day).
 */
@Service
public class RuleDrafts {

    private final RuleVersions versions;
    private final TierPolicyRepository policies;
    private final PolicyDrafts<RuleChange> drafts;
    private final WhatIf whatIf;

    RuleDrafts(RuleVersions versions, TierPolicyRepository policies, RuleDraftStore store, WhatIf whatIf,
            Drafting drafting) {
        this.versions = versions;
        this.policies = policies;
        this.drafts = drafting.of("change tier rules", store, versions);
        this.whatIf = whatIf;
    }

    @Transactional(readOnly = true)
    public TierPolicy policyInForce() {
        return versions.policyInForce();
    }

    @Transactional(readOnly = true)
    public RuleSet rulesInForce() {
        return versions.rulesInForce();
    }

    @Transactional(readOnly = true)
    public List<TierPolicy> versions() {
        return policies.findAllByOrderByVersionDesc();
    }

    @Transactional(readOnly = true)
    public TierPolicy version(int version) {
        return versions.version(version);
    }

    /** The highest version number published, in force or waiting for its date. */
    @Transactional(readOnly = true)
    public int newestVersion() {
        return versions.newest();
    }

    /** The newest published version when it is not in force yet. */
    @Transactional(readOnly = true)
    public Optional<TierPolicy> waitingVersion() {
        return policies.findTopByOrderByVersionDesc().filter(p -> p.takesEffectAfter(versions.today()));
    }

    public List<Draft<RuleChange>> drafts() {
        return drafts.all();
    }

    public Draft<RuleChange> draft(long id) {
        return drafts.find(id).orElseThrow(() -> new RecordNotFoundException("draft " + id));
    }

    /** @return the new draft's id */
    public long start(Viewer viewer) {
        return drafts.open(viewer, null);
    }

    /** An older version as a new draft; the churn thresholds are today's, since they are versioned apart. */
    public long restore(Viewer viewer, int version) {
        return drafts.open(viewer, version);
    }

    /**
     * What is wrong with rules an admin typed, for the form to say beside each field: the rules'
     * own violations and a quota product line that does not exist.
     */
    @Transactional(readOnly = true)
    public List<Violation> violations(RuleSet rules) {
        return versions.violations(new RuleChange(rules, null));
    }

    /** @throws com.keyaccount.crm.policy.StaleDraftException when the draft is no longer at {@code seenVersion} */
    public void save(Viewer viewer, long id, long seenVersion, RuleSet rules, LocalDate effectiveFrom, String note) {
        drafts.save(viewer, id, seenVersion, new RuleChange(rules, effectiveFrom), note);
    }

    public Preview preview(Draft<RuleChange> draft) {
        return drafts.preview(() -> whatIf.preview(draft.content().rules()));
    }

    /**
     * Publishes the draft exactly as it was previewed ({@code seenVersion}), then starts the
     * recompute unless the rules wait for their date.
     */
    public Published publish(Viewer viewer, long id, long seenVersion) {
        return drafts.publish(viewer, id, seenVersion);
    }

    public void discard(Viewer viewer, long id) {
        drafts.discard(viewer, id);
    }
}
