package com.keyaccount.crm.followup.editor;

import com.keyaccount.crm.followup.application.QuotaRows;
import com.keyaccount.crm.followup.application.ScheduleRefresh;
import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.ChannelGroup;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Published visit quotas: numbered versions, the highest in force. A draft publishes as the
 * version after the one it was based on, so a version published meanwhile takes its number and
 * the publish fails on the key instead of silently replacing what the other admin published.
 */
@Component
class QuotaVersions implements PolicyVersions<VisitQuotas> {

    private final JdbcTemplate jdbc;
    private final ScheduleRefresh refresh;

    QuotaVersions(JdbcTemplate jdbc, ScheduleRefresh refresh) {
        this.jdbc = jdbc;
        this.refresh = refresh;
    }

    /** Every published version, newest (the one in force) first. */
    List<QuotaPolicyVersion> all() {
        Map<Integer, Map<Tier, Map<ChannelGroup, Cadence>>> cadences = new LinkedHashMap<>();
        jdbc.query("SELECT policy_version, tier, channel_group, at_least_every_days, at_most_per_30_days "
                + "FROM visit_quota", rs -> {
                    QuotaRows.collect(cadences.computeIfAbsent(rs.getInt("policy_version"),
                            v -> new EnumMap<>(Tier.class)), rs);
                });
        return jdbc.query("SELECT version, upgrade_grace_days, " + QuotaRows.POLICY_COLUMNS
                + ", created_at, created_by, note FROM visit_quota_policy ORDER BY version DESC",
                (rs, n) -> new QuotaPolicyVersion(rs.getInt("version"),
                        QuotaRows.quotas(cadences.getOrDefault(rs.getInt("version"), Map.of()), rs),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                        rs.getString("note")));
    }

    @Override
    public int inForce() {
        return jdbc.queryForObject("SELECT MAX(version) FROM visit_quota_policy", Integer.class);
    }

    @Override
    public VisitQuotas content(int version) {
        return all().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no quota policy version " + version)).quotas();
    }

    @Override
    public List<Violation> violations(VisitQuotas quotas) {
        return quotas.violations();
    }

    @Override
    public Published publish(Draft<VisitQuotas> draft, String by, Instant at) {
        int next = draft.basedOn() + 1;
        Object[] zones = QuotaRows.policyValues(draft.content());
        jdbc.update("INSERT INTO visit_quota_policy (version, upgrade_grace_days, created_at, created_by, note, "
                + QuotaRows.POLICY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", next,
                draft.content().upgradeGraceDays(), Timestamp.from(at), by, draft.note(), zones[0], zones[1], zones[2],
                zones[3], zones[4]);
        QuotaRows.insert(jdbc, "visit_quota", "policy_version", next, draft.content());
        return new Published(next, null, List.of(new AuditedChange("VisitQuotaPolicy", next, "quotas",
                describe(draft.basedOn(), content(draft.basedOn())), describe(next, draft.content()))), null);
    }

    @Override
    public Scheduled catchUp(Published published, String by) {
        refresh.startAfterCommit("visit quotas v" + published.version());
        return null;
    }

    /** "v2: A 7d/30d, B 14d/90d, C 30d≤4/-; grace 7d" — any contact / on-site visit per tier. */
    static String describe(int version, VisitQuotas quotas) {
        List<String> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            TierCadence c = quotas.of(tier);
            tiers.add(tier + " " + describe(c.anyContact()) + "/" + describe(c.onSiteVisit()));
        }
        return "v" + version + ": " + String.join(", ", tiers) + "; grace " + quotas.upgradeGraceDays() + "d"
                + "; red " + describe(quotas.zones().red()) + ", yellow " + describe(quotas.zones().yellow())
                + "; visits follow " + quotas.follows();
    }

    private static String describe(Cadence cadence) {
        String min = cadence.hasMinimum() ? cadence.atLeastEveryDays() + "d" : "-";
        return cadence.atMostPer30Days() == null ? min : min + "≤" + cadence.atMostPer30Days();
    }
}
