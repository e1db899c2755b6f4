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
        int[] version = new int[1];
        QuotaRows.Policy[] policy = new QuotaRows.Policy[1];
        Map<Tier, Map<ChannelGroup, Cadence>> cadences = new EnumMap<>(Tier.class);
        jdbc.query("""
                SELECT p.version, p.upgrade_grace_days, %s, q.tier, q.channel_group, q.at_least_every_days,
                       q.at_most_per_30_days
                FROM visit_quota_policy p LEFT JOIN visit_quota q ON q.policy_version = p.version
                WHERE p.version = (SELECT MAX(version) FROM visit_quota_policy)""".formatted(QuotaRows.POLICY_COLUMNS),
                rs -> {
                    if (policy[0] == null) {
                        // the policy's own columns stand on every row
                        version[0] = rs.getInt("version");
                        policy[0] = QuotaRows.policy(rs);
                    }
                    if (rs.getString("tier") != null) {
                        QuotaRows.collect(cadences, rs);
                    }
                });
        if (policy[0] == null) {
            throw new IllegalStateException("no visit-quota policy");
        }
        return new VersionedQuotas(version[0], QuotaRows.quotas(cadences, policy[0]));
    }

    /** A quota policy with the version that identifies it. */
    public record VersionedQuotas(int version, VisitQuotas quotas) {
    }
}
