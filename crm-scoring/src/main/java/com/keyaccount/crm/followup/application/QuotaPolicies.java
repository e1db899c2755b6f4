package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.ChannelGroup;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.tier.Tier;
import java.util.EnumMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The visit-quota policy in force: the highest version. */
@Service
@RequiredArgsConstructor
public class QuotaPolicies {

    private final JdbcTemplate jdbc;

    /** One query: it runs in every transaction that logs a contact. */
    public VersionedQuotas current() {
        int[] versionAndGrace = new int[2];
        Map<Tier, Map<ChannelGroup, Cadence>> cadences = new EnumMap<>(Tier.class);
        jdbc.query("""
                SELECT p.version, p.upgrade_grace_days, q.tier, q.channel_group, q.at_least_every_days,
                       q.at_most_per_30_days
                FROM visit_quota_policy p LEFT JOIN visit_quota q ON q.policy_version = p.version
                WHERE p.version = (SELECT MAX(version) FROM visit_quota_policy)""", rs -> {
            versionAndGrace[0] = rs.getInt("version");
            versionAndGrace[1] = rs.getInt("upgrade_grace_days");
            if (rs.getString("tier") != null) {
                QuotaRows.collect(cadences, rs);
            }
        });
        if (versionAndGrace[0] == 0) {
            throw new IllegalStateException("no visit-quota policy");
        }
        return new VersionedQuotas(versionAndGrace[0], QuotaRows.quotas(cadences, versionAndGrace[1]));
    }

    /** A quota policy with the version that identifies it. */
    public record VersionedQuotas(int version, VisitQuotas quotas) {
    }
}
