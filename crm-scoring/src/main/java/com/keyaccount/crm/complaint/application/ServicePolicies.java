package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.complaint.rules.ServicePolicy;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.Drafting;
import com.keyaccount.crm.policy.PolicyDrafts;
import com.keyaccount.crm.user.Viewer;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The complaint service policy's editor: the draft model of {@link PolicyDrafts} (admins only,
 * one draft at a time, stale saves refused, publication audited old → new) over
 * {@link ServicePolicyVersions}. Publishing changes the deadlines of complaints received from
 * then on only.
 */
@Service
public class ServicePolicies {

    private final ServicePolicyVersions versions;
    private final PolicyDrafts<ServicePolicy> drafts;

    ServicePolicies(ServicePolicyVersions versions, ServicePolicyDraftStore store, Drafting drafting) {
        this.versions = versions;
        this.drafts = drafting.of("change the complaint service policy", store, versions);
    }

    /** Every version, newest (the one in force) first; the built-in default (version 0) last. */
    public List<ServicePolicyVersion> versions() {
        return versions.all();
    }

    public ServicePolicyVersion inForce() {
        return versions.current();
    }

    public Optional<Draft<ServicePolicy>> openDraft() {
        return drafts.all().stream().findFirst();
    }

    public Optional<Draft<ServicePolicy>> find(long id) {
        return drafts.find(id);
    }

    public long start(Viewer viewer, int fromVersion) {
        return drafts.open(viewer, fromVersion);
    }

    public void save(Viewer viewer, long id, Long seenVersion, ServicePolicy policy, String note) {
        drafts.save(viewer, id, seenVersion, policy, note);
    }

    /** @return the version published */
    public int publish(Viewer viewer, long id, Long seenVersion) {
        return drafts.publish(viewer, id, seenVersion).version();
    }

    public void discard(Viewer viewer, long id) {
        drafts.discard(viewer, id);
    }
}
