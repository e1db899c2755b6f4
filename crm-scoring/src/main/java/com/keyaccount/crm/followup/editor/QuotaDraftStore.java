package com.keyaccount.crm.followup.editor;

import com.keyaccount.crm.followup.application.QuotaRows;
import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.ChannelGroup;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.DraftStore;
import com.keyaccount.crm.tier.Tier;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Quota drafts: {@code visit_quota_draft} and its rows; the table's open slot allows one draft. */
@Component
class QuotaDraftStore implements DraftStore<VisitQuotas> {

    private final JdbcTemplate jdbc;

    QuotaDraftStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean oneAtATime() {
        return true;
    }

    @Override
    public List<Draft<VisitQuotas>> all() {
        return jdbc.queryForList("SELECT id FROM visit_quota_draft", Long.class).stream()
                .flatMap(id -> find(id).stream()).toList();
    }

    @Override
    public Optional<Draft<VisitQuotas>> find(long id) {
        Map<Tier, Map<ChannelGroup, Cadence>> cadences = new EnumMap<>(Tier.class);
        jdbc.query("SELECT tier, channel_group, at_least_every_days, at_most_per_30_days FROM visit_quota_draft_row "
                + "WHERE draft_id = ?", rs -> {
                    QuotaRows.collect(cadences, rs);
                }, id);
        return jdbc.query("""
                SELECT id, base_version, copied_from, upgrade_grace_days, %s, note, created_by, created_at,
                       updated_by, updated_at, version FROM visit_quota_draft WHERE id = ?""".formatted(
                        QuotaRows.POLICY_COLUMNS), (rs, n) -> new Draft<>(
                        rs.getLong("id"), rs.getInt("base_version"), rs.getInt("copied_from"),
                        QuotaRows.quotas(cadences, rs), rs.getString("note"),
                        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("version")), id).stream().findFirst();
    }

    @Override
    public long insert(int basedOn, int copiedFrom, VisitQuotas quotas, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO visit_quota_draft (base_version, copied_from, upgrade_grace_days, note, created_by,
                        created_at, updated_by, updated_at, %s) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
                    .formatted(QuotaRows.POLICY_COLUMNS), new String[] {"id"});
            ps.setInt(1, basedOn);
            ps.setInt(2, copiedFrom);
            ps.setInt(3, quotas.upgradeGraceDays());
            ps.setString(4, by);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setString(6, by);
            ps.setTimestamp(7, Timestamp.from(at));
            Object[] zones = QuotaRows.policyValues(quotas);
            for (int i = 0; i < zones.length; i++) {
                ps.setObject(8 + i, zones[i], i == 0 ? Types.VARCHAR : Types.INTEGER);
            }
            return ps;
        }, key);
        long id = Objects.requireNonNull(key.getKey()).longValue();
        QuotaRows.insert(jdbc, "visit_quota_draft_row", "draft_id", id, quotas);
        return id;
    }

    @Override
    public boolean update(long id, long seenVersion, VisitQuotas quotas, String note, String by, Instant at) {
        Object[] zones = QuotaRows.policyValues(quotas);
        int updated = jdbc.update("UPDATE visit_quota_draft SET upgrade_grace_days = ?, note = ?, updated_by = ?, "
                + "updated_at = ?, version = version + 1, cadence_follows = ?, red_at_least_every_days = ?, "
                + "red_at_most_per_30_days = ?, yellow_at_least_every_days = ?, yellow_at_most_per_30_days = ? "
                + "WHERE id = ? AND version = ?", quotas.upgradeGraceDays(), note, by, Timestamp.from(at), zones[0],
                zones[1], zones[2], zones[3], zones[4], id, seenVersion);
        if (updated == 0) {
            return false;
        }
        jdbc.update("DELETE FROM visit_quota_draft_row WHERE draft_id = ?", id);
        QuotaRows.insert(jdbc, "visit_quota_draft_row", "draft_id", id, quotas);
        return true;
    }

    @Override
    public void delete(long id) {
        jdbc.update("DELETE FROM visit_quota_draft WHERE id = ?", id);
    }
}
