package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.CadenceBasis;
import com.keyaccount.crm.followup.rules.ZoneQuotas;
import com.keyaccount.crm.followup.rules.ChannelGroup;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.tier.Tier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A quota set as rows of (tier, channel group, cadence) and, on the policy's or draft's own row,
 * the grace, the zones' visit quotas and what the visit cadence follows: how versions and drafts
 * both store it.
 */
public final class QuotaRows {

    /** The policy's or draft's own columns besides the grace, in the order of {@link #policyValues}. */
    public static final String POLICY_COLUMNS = "cadence_follows, red_at_least_every_days, red_at_most_per_30_days, "
            + "yellow_at_least_every_days, yellow_at_most_per_30_days";

    private QuotaRows() {
    }

    public static Cadence cadence(ResultSet rs) throws SQLException {
        return new Cadence((Integer) rs.getObject("at_least_every_days"), (Integer) rs.getObject("at_most_per_30_days"));
    }

    /** The collected rows as a quota set; a row that is missing means no quota, a fourth or fifth tier without rows its defaults. */
    public static VisitQuotas quotas(Map<Tier, Map<ChannelGroup, Cadence>> cadences, int graceDays) {
        Map<Tier, TierCadence> byTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            if (tier.ordinal() > Tier.C.ordinal() && !cadences.containsKey(tier)) {
                // saved before ladders of four or five tiers: that tier's defaults stand (VisitQuotas)
                continue;
            }
            Map<ChannelGroup, Cadence> groups = cadences.getOrDefault(tier, Map.of());
            byTier.put(tier, new TierCadence(groups.getOrDefault(ChannelGroup.ANY_CONTACT, Cadence.NONE),
                    groups.getOrDefault(ChannelGroup.ON_SITE_VISIT, Cadence.NONE)));
        }
        return new VisitQuotas(byTier, graceDays);
    }

    /** A policy's or draft's own columns: the grace, the zones' visit quotas, what visits follow. */
    public record Policy(int graceDays, ZoneQuotas zones, CadenceBasis follows) {
    }

    /** The policy's or draft's own columns ({@link #POLICY_COLUMNS} and the grace) of the row. */
    public static Policy policy(ResultSet rs) throws SQLException {
        return new Policy(rs.getInt("upgrade_grace_days"), new ZoneQuotas(
                new Cadence((Integer) rs.getObject("red_at_least_every_days"),
                        (Integer) rs.getObject("red_at_most_per_30_days")),
                new Cadence((Integer) rs.getObject("yellow_at_least_every_days"),
                        (Integer) rs.getObject("yellow_at_most_per_30_days"))),
                CadenceBasis.valueOf(rs.getString("cadence_follows")));
    }

    /** The set from its rows and the policy's or draft's own row. */
    public static VisitQuotas quotas(Map<Tier, Map<ChannelGroup, Cadence>> cadences, ResultSet policy)
            throws SQLException {
        return quotas(cadences, policy(policy));
    }

    public static VisitQuotas quotas(Map<Tier, Map<ChannelGroup, Cadence>> cadences, Policy policy) {
        return quotas(cadences, policy.graceDays()).withZones(policy.zones(), policy.follows());
    }

    /** The values of {@link #POLICY_COLUMNS}. */
    public static Object[] policyValues(VisitQuotas quotas) {
        ZoneQuotas z = quotas.zones();
        return new Object[] {quotas.follows().name(), z.red().atLeastEveryDays(), z.red().atMostPer30Days(),
                z.yellow().atLeastEveryDays(), z.yellow().atMostPer30Days()};
    }

    public static void collect(Map<Tier, Map<ChannelGroup, Cadence>> into, ResultSet rs) throws SQLException {
        into.computeIfAbsent(Tier.valueOf(rs.getString("tier")), t -> new EnumMap<>(ChannelGroup.class))
                .put(ChannelGroup.valueOf(rs.getString("channel_group")), cadence(rs));
    }

    public static void insert(JdbcTemplate jdbc, String table, String keyColumn, long key, VisitQuotas quotas) {
        List<Object[]> rows = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            for (ChannelGroup group : ChannelGroup.values()) {
                Cadence c = quotas.of(tier).of(group);
                rows.add(new Object[] {key, tier.name(), group.name(), c.atLeastEveryDays(), c.atMostPer30Days()});
            }
        }
        jdbc.batchUpdate("INSERT INTO " + table + " (" + keyColumn + ", tier, channel_group, at_least_every_days, "
                + "at_most_per_30_days) VALUES (?, ?, ?, ?, ?)", rows,
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER});
    }
}
