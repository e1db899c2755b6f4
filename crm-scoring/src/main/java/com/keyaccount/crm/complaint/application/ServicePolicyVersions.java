package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.complaint.rules.ServicePolicy;
import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.complaint.rules.SpanUnit;
import com.keyaccount.crm.complaint.rules.TierDeadlines;
import com.keyaccount.crm.complaint.rules.WorkingSpan;
import com.keyaccount.crm.policy.AuditedChange;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.PolicyVersions;
import com.keyaccount.crm.policy.Published;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.RecomputeRequests.Scheduled;
import com.keyaccount.crm.tier.Tier;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Published service policies: numbered versions, the highest in force, none published = the
 * default as version 0. A draft publishes as the version after the one it was based on, so one
 * published meanwhile takes the number and the publish fails on the key. Complaints already
 * received keep their deadlines: a deadline promised is not moved by a later policy.
 */
@Component
class ServicePolicyVersions implements PolicyVersions<ServicePolicy> {

    private final JdbcClient jdbc;

    ServicePolicyVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version, newest (the one in force) first, the default last. */
    List<ServicePolicyVersion> all() {
        List<ServicePolicyVersion> versions = new ArrayList<>(jdbc.sql(
                "SELECT version, policy, created_at, created_by, note FROM complaint_policy ORDER BY version DESC")
                .query((rs, n) -> new ServicePolicyVersion(rs.getInt("version"), PolicyJson.read(rs.getString("policy")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                        rs.getString("note"))).list());
        versions.add(new ServicePolicyVersion(0, ServicePolicy.DEFAULT, null, null, null));
        return versions;
    }

    ServicePolicyVersion current() {
        return all().get(0);
    }

    @Override
    public int inForce() {
        Integer max = jdbc.sql("SELECT MAX(version) FROM complaint_policy").query(Integer.class).optional().orElse(null);
        return max == null ? 0 : max;
    }

    @Override
    public ServicePolicy content(int version) {
        return all().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no complaint policy version " + version)).policy();
    }

    @Override
    public List<Violation> violations(ServicePolicy policy) {
        return policy.violations();
    }

    @Override
    public Published publish(Draft<ServicePolicy> draft, String by, Instant at) {
        int next = draft.basedOn() + 1;
        jdbc.sql("INSERT INTO complaint_policy (version, policy, note, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(next, PolicyJson.write(draft.content()), draft.note(), Timestamp.from(at), by).update();
        return new Published(next, null, List.of(new AuditedChange("ComplaintPolicy", next, "servicePolicy",
                describe(draft.basedOn(), content(draft.basedOn())), describe(next, draft.content()))), null);
    }

    @Override
    public Scheduled catchUp(Published published, String by) {
        return null;
    }

    /** "v2: A 4h/2d, B 1d/5d, C 2d/10d; MINOR 100%, MAJOR 100%, CRITICAL 50%; 9–18h". */
    static String describe(int version, ServicePolicy p) {
        List<String> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            TierDeadlines d = p.of(tier);
            tiers.add(tier + " " + describe(d.answer()) + "/" + describe(d.resolve()));
        }
        List<String> severities = new ArrayList<>();
        for (Severity s : Severity.values()) {
            severities.add(s + " " + p.percentOf(s) + "%");
        }
        return "v" + version + ": " + String.join(", ", tiers) + "; " + String.join(", ", severities) + "; "
                + p.dayStartHour() + "–" + p.dayEndHour() + "h";
    }

    private static String describe(WorkingSpan span) {
        return span.amount() + (span.unit() == SpanUnit.HOURS ? "h" : "d");
    }
}
