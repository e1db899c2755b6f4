package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.ChannelGroup;
import com.keyaccount.crm.followup.rules.TierCadence;
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

    public VersionedQuotas current() {
        Integer version = jdbc.queryForObject("SELECT MAX(version) FROM visit_quota_policy", Integer.class);
        if (version == null) {
            throw new IllegalStateException("no visit-quota policy");
        }
        int grace = jdbc.queryForObject("SELECT upgrade_grace_days FROM visit_quota_policy WHERE version = ?",
                Integer.class, version);
        Map<Tier, Map<ChannelGroup, Cadence>> cadences = new EnumMap<>(Tier.class);
        jdbc.query("""
                SELECT tier, channel_group, at_least_every_days, at_most_per_30_days
                FROM visit_quota WHERE policy_version = ?""", rs -> {
            Integer min = (Integer) rs.getObject("at_least_every_days");
            Integer max = (Integer) rs.getObject("at_most_per_30_days");
            cadences.computeIfAbsent(Tier.valueOf(rs.getString("tier")), t -> new EnumMap<>(ChannelGroup.class))
                    .put(ChannelGroup.valueOf(rs.getString("channel_group")), new Cadence(min, max));
        }, version);
        Map<Tier, TierCadence> byTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Map<ChannelGroup, Cadence> groups = cadences.getOrDefault(tier, Map.of());
            byTier.put(tier, new TierCadence(groups.getOrDefault(ChannelGroup.ANY_CONTACT, Cadence.NONE),
                    groups.getOrDefault(ChannelGroup.ON_SITE_VISIT, Cadence.NONE)));
        }
        return new VersionedQuotas(version, new VisitQuotas(byTier, grace));
    }

    /** A quota policy with the version that identifies it. */
    public record VersionedQuotas(int version, VisitQuotas quotas) {
    }
}
