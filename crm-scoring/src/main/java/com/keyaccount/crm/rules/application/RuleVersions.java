package com.keyaccount.crm.rules.application;

import com.keyaccount.crm.churn.application.ChurnPolicies;
import com.keyaccount.crm.churn.application.ChurnWarnings;
import com.keyaccount.crm.policy.AuditedChange;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.PolicyVersions;
import com.keyaccount.crm.policy.Published;
import com.keyaccount.crm.productline.ProductLine;
import com.keyaccount.crm.productline.ProductLineRepository;
import com.keyaccount.crm.shared.RecordNotFoundException;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.RecomputeRequests.Scheduled;
import com.keyaccount.crm.tier.RecomputeRequests;
import com.keyaccount.crm.tier.TierNames;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierPolicyRepository;
import com.keyaccount.crm.tier.rules.RuleSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;

/**
 * Published tier rules: numbered, immutable {@link TierPolicy} versions, each in force from its
 * effective date. Churn thresholds are versioned apart (a rule change that leaves them alone
 * does not repeat them), so a draft takes today's; restoring an old version restores its tier
 * rules only.
 */
@Component
class RuleVersions implements PolicyVersions<RuleChange> {

    private final TierPolicyRepository policies;
    private final ChurnPolicies churnPolicies;
    private final ChurnWarnings churnWarnings;
    private final RecomputeRequests recompute;
    private final ProductLineRepository productLines;
    private final TierNames names;
    private final Clock clock;
    private final ZoneId businessZone;

    RuleVersions(TierPolicyRepository policies, ChurnPolicies churnPolicies, ChurnWarnings churnWarnings,
            RecomputeRequests recompute, ProductLineRepository productLines, TierNames names, Clock clock,
            ZoneId businessZone) {
        this.policies = policies;
        this.churnPolicies = churnPolicies;
        this.churnWarnings = churnWarnings;
        this.recompute = recompute;
        this.productLines = productLines;
        this.names = names;
        this.clock = clock;
        this.businessZone = businessZone;
    }

    TierPolicy policyInForce() {
        return policies.inForceOn(today()).orElseThrow(() -> new IllegalStateException("no tier policy in force"));
    }

    RuleSet rulesInForce() {
        return policyInForce().rules(churnWarnings.thresholds());
    }

    TierPolicy version(int version) {
        return policies.findByVersion(version).orElseThrow(() -> new RecordNotFoundException("policy v" + version));
    }

    /** The highest version number published, in force or waiting for its date. */
    int newest() {
        return policies.findTopByOrderByVersionDesc().map(TierPolicy::getVersion).orElse(0);
    }

    @Override
    public int inForce() {
        return policyInForce().getVersion();
    }

    @Override
    public RuleChange content(int version) {
        return new RuleChange(version(version).rules(churnWarnings.thresholds()), null);
    }

    /** The rules' own violations, and a quota product line that does not exist (any more). */
    @Override
    public List<Violation> violations(RuleChange change) {
        List<Violation> found = new ArrayList<>(change.rules().violations());
        Long line = change.rules().quotaProductLineId();
        if (line != null && productLines.findById(line).isEmpty()) {
            found.add(Violation.of("quotaProductLineId", "quotaLine.unknown"));
        }
        return found;
    }

    /**
     * The next number after the newest, even when the draft started from an older one: the
     * preview warned that it replaces what was published since. A date that has come already
     * means "at once". New churn thresholds only when they changed.
     */
    @Override
    public Published publish(Draft<RuleChange> draft, String by, Instant at) {
        LocalDate wanted = draft.content().effectiveFrom();
        LocalDate effectiveFrom = wanted == null || !wanted.isAfter(today()) ? null : wanted;
        RuleSet before = rulesInForce();
        RuleSet after = draft.content().rules();
        int next = newest() + 1;
        TierPolicy published = policies.saveAndFlush(TierPolicy.publish(next, after, effectiveFrom, by, draft.note(),
                at));
        names.forgetOnCommit();
        if (!after.churn().equals(before.churn())) {
            churnPolicies.publish(after.churn(), effectiveFrom, by, at);
        }
        List<AuditedChange> changes = new ArrayList<>();
        changes.add(AuditedChange.created("TierPolicy", published.getId()));
        LongFunction<String> lineCode = id -> productLines.findById(id).map(ProductLine::getCode).orElse("#" + id);
        changes.addAll(AuditedChange.between("TierPolicy", published.getId(), RuleSetText.of(before, lineCode),
                RuleSetText.of(after, lineCode)));
        if (effectiveFrom != null) {
            changes.add(new AuditedChange("TierPolicy", published.getId(), "effectiveFrom", null, effectiveFrom));
        }
        return new Published(next, effectiveFrom, changes, null);
    }

    /** Rules waiting for their date are picked up by the nightly recompute of that day. */
    @Override
    public Scheduled catchUp(Published published, String by) {
        return published.inForceNow() ? recompute.startNowOrNext("POLICY v" + published.version(), by) : null;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(businessZone));
    }
}
