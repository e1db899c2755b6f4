package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.tier.TierMethod;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierPolicyRepository;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins publish a new policy version: which method is active, its window and cutoffs. */
@Service
@RequiredArgsConstructor
public class TierPolicies {

    private final TierPolicyRepository policies;
    private final AuditTrail audit;
    private final Clock clock;

    /** Publishes the next version; a concurrent publish of the same number fails on its unique key. */
    @Transactional
    public TierPolicy publish(Viewer viewer, TierMethod method, int windowMonths, ParetoCutoffs cutoffs, String note) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException("publish tier policies");
        }
        TierPolicy current = policies.findTopByOrderByVersionDesc()
                .orElseThrow(() -> new IllegalStateException("no tier policy"));
        TierPolicy next = policies.saveAndFlush(
                TierPolicy.succeeding(current, method, windowMonths, cutoffs, viewer.username(), note, clock.instant()));
        audit.fieldChanged(viewer.username(), "TierPolicy", next.getId(), null, "version",
                describe(current), describe(next));
        return next;
    }

    private static String describe(TierPolicy p) {
        return "v" + p.getVersion() + " " + p.getMethod() + ", " + p.getWindowMonths() + " months, cutoffs "
                + p.getParetoCutoffA().stripTrailingZeros().toPlainString() + "/"
                + p.getParetoCutoffB().stripTrailingZeros().toPlainString();
    }
}
