package com.keyaccount.crm.followup.editor;

import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.Drafting;
import com.keyaccount.crm.policy.PolicyDrafts;
import com.keyaccount.crm.preview.application.SchedulePreview;
import com.keyaccount.crm.preview.application.SchedulePreviews;
import com.keyaccount.crm.user.Viewer;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The visit-quota editor's use cases: the draft model of {@link PolicyDrafts} with one draft at a
 * time, previewed by the follow-up schedule it would give, and published as the next numbered
 * version, after which every customer's next due date is refreshed in the background.
 */
@Service
public class QuotaDrafts {

    private final QuotaVersions versions;
    private final PolicyDrafts<VisitQuotas> drafts;
    private final SchedulePreviews previews;

    QuotaDrafts(QuotaVersions versions, QuotaDraftStore store, SchedulePreviews previews, Drafting drafting) {
        this.versions = versions;
        this.drafts = drafting.of("change visit quotas", store, versions);
        this.previews = previews;
    }

    /** Every published version, newest (the one in force) first. */
    public List<QuotaPolicyVersion> versions() {
        return versions.all();
    }

    public Optional<Draft<VisitQuotas>> openDraft() {
        return drafts.all().stream().findFirst();
    }

    public Optional<Draft<VisitQuotas>> find(long id) {
        return drafts.find(id);
    }

    /**
     * Opens a draft with the values of {@code fromVersion}; it publishes as the version after the
     * one in force now.
     */
    public long start(Viewer viewer, int fromVersion) {
        return drafts.open(viewer, fromVersion);
    }

    /** @param seenVersion the draft version the form was filled in from; null when the form does not say */
    public void save(Viewer viewer, long id, Long seenVersion, VisitQuotas quotas, String note) {
        drafts.save(viewer, id, seenVersion, quotas, note);
    }

    /** Due dates under the draft against those in force, for everyone or one manager's book. */
    public SchedulePreview preview(Draft<VisitQuotas> draft, Long manager) {
        return drafts.preview(() -> previews.ofQuotas(draft.content(), manager));
    }

    /** @return the version published */
    public int publish(Viewer viewer, long id) {
        return drafts.publish(viewer, id, null).version();
    }

    public void discard(Viewer viewer, long id) {
        drafts.discard(viewer, id);
    }
}
