package com.keyaccount.crm.rules.application;

import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.DraftStore;
import com.keyaccount.crm.tier.TierPolicyDraft;
import com.keyaccount.crm.tier.TierPolicyDraftRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/** Rule drafts: {@link TierPolicyDraft} rows, as many as admins open; JPA keeps the version. */
@Component
class RuleDraftStore implements DraftStore<RuleChange> {

    private final TierPolicyDraftRepository drafts;

    RuleDraftStore(TierPolicyDraftRepository drafts) {
        this.drafts = drafts;
    }

    @Override
    public List<Draft<RuleChange>> all() {
        return drafts.findAllByOrderByUpdatedAtDesc().stream().map(RuleDraftStore::draft).toList();
    }

    @Override
    public Optional<Draft<RuleChange>> find(long id) {
        return drafts.findById(id).map(RuleDraftStore::draft);
    }

    @Override
    public long insert(int basedOn, int copiedFrom, RuleChange change, String by, Instant at) {
        return drafts.save(TierPolicyDraft.startFrom(basedOn, change.rules(), by, at)).getId();
    }

    @Override
    public boolean update(long id, long seenVersion, RuleChange change, String note, String by, Instant at) {
        TierPolicyDraft draft = drafts.findById(id).orElse(null);
        if (draft == null || draft.getVersion() != seenVersion) {
            return false;
        }
        draft.revise(change.rules(), change.effectiveFrom(), note, by, at);
        try {
            drafts.flush();
            return true;
        } catch (OptimisticLockingFailureException savedMeanwhile) {
            return false;
        }
    }

    @Override
    public void delete(long id) {
        drafts.findById(id).ifPresent(drafts::delete);
    }

    private static Draft<RuleChange> draft(TierPolicyDraft d) {
        return new Draft<>(d.getId(), d.getBasedOnVersion(), d.getBasedOnVersion(),
                new RuleChange(d.getRules(), d.getEffectiveFrom()), d.getNote(), d.getCreatedBy(), d.getCreatedAt(),
                d.getUpdatedBy(), d.getUpdatedAt(), d.getVersion());
    }
}
