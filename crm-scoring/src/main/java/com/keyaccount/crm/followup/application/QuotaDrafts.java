package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.ChannelGroup;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins change the visit quotas through a draft: start one from the policy in force (or an
 * older version), edit and save it as often as needed, preview it on live data, publish it as
 * the next version. Publishing refreshes every customer's follow-up in the background.
 */
@Service
@RequiredArgsConstructor
public class QuotaDrafts {

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final SchedulePreviews previews;
    private final ScheduleRefresh refresh;
    private final Clock clock;

    /** Every published version, newest (the one in force) first. */
    public List<QuotaPolicyVersion> versions() {
        Map<Integer, Map<Tier, Map<ChannelGroup, Cadence>>> cadences = new LinkedHashMap<>();
        jdbc.query("SELECT policy_version, tier, channel_group, at_least_every_days, at_most_per_30_days "
                + "FROM visit_quota", rs -> {
                    cadences.computeIfAbsent(rs.getInt("policy_version"), v -> new EnumMap<>(Tier.class))
                            .computeIfAbsent(Tier.valueOf(rs.getString("tier")), t -> new EnumMap<>(ChannelGroup.class))
                            .put(ChannelGroup.valueOf(rs.getString("channel_group")), cadence(rs));
                });
        return jdbc.query("SELECT version, upgrade_grace_days, created_at, created_by, note FROM visit_quota_policy "
                + "ORDER BY version DESC", (rs, n) -> new QuotaPolicyVersion(rs.getInt("version"),
                        quotas(cadences.getOrDefault(rs.getInt("version"), Map.of()), rs.getInt("upgrade_grace_days")),
                        instant(rs, "created_at"), rs.getString("created_by"), rs.getString("note")));
    }

    public Optional<QuotaDraft> openDraft() {
        List<Long> ids = jdbc.queryForList("SELECT id FROM visit_quota_draft", Long.class);
        return ids.isEmpty() ? Optional.empty() : find(ids.get(0));
    }

    public Optional<QuotaDraft> find(long id) {
        Map<Tier, Map<ChannelGroup, Cadence>> cadences = new EnumMap<>(Tier.class);
        jdbc.query("SELECT tier, channel_group, at_least_every_days, at_most_per_30_days FROM visit_quota_draft_row "
                + "WHERE draft_id = ?", rs -> {
                    cadences.computeIfAbsent(Tier.valueOf(rs.getString("tier")), t -> new EnumMap<>(ChannelGroup.class))
                            .put(ChannelGroup.valueOf(rs.getString("channel_group")), cadence(rs));
                }, id);
        return jdbc.query("""
                SELECT id, base_version, copied_from, upgrade_grace_days, note, created_by, created_at, updated_by,
                       updated_at FROM visit_quota_draft WHERE id = ?""", (rs, n) -> new QuotaDraft(rs.getLong("id"),
                        rs.getInt("base_version"), rs.getInt("copied_from"),
                        quotas(cadences, rs.getInt("upgrade_grace_days")), rs.getString("note"),
                        rs.getString("created_by"), instant(rs, "created_at"), rs.getString("updated_by"),
                        instant(rs, "updated_at")), id).stream().findFirst();
    }

    /**
     * Opens a draft with the values of {@code fromVersion}; it will publish as the version after
     * the one in force now.
     *
     * @throws DraftAlreadyOpenException when a draft is open already (one at a time)
     */
    @Transactional
    public long start(Viewer viewer, int fromVersion) {
        requireAdmin(viewer);
        Optional<QuotaDraft> open = openDraft();
        if (open.isPresent()) {
            throw new DraftAlreadyOpenException(open.get().id());
        }
        QuotaPolicyVersion from = versions().stream().filter(v -> v.version() == fromVersion).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no quota policy version " + fromVersion));
        Integer inForce = jdbc.queryForObject("SELECT MAX(version) FROM visit_quota_policy", Integer.class);
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO visit_quota_draft (base_version, copied_from, upgrade_grace_days, note, created_by,
                        created_at, updated_by, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setInt(1, Objects.requireNonNull(inForce));
            ps.setInt(2, fromVersion);
            ps.setInt(3, from.quotas().upgradeGraceDays());
            ps.setString(4, viewer.username());
            ps.setTimestamp(5, now);
            ps.setString(6, viewer.username());
            ps.setTimestamp(7, now);
            return ps;
        }, key);
        long id = Objects.requireNonNull(key.getKey()).longValue();
        insertRows("visit_quota_draft_row", "draft_id", id, from.quotas());
        return id;
    }

    /** Replaces the draft's values; the caller has checked them (nothing half-valid is stored). */
    @Transactional
    public void save(Viewer viewer, long id, VisitQuotas quotas, String note) {
        requireAdmin(viewer);
        int updated = jdbc.update("UPDATE visit_quota_draft SET upgrade_grace_days = ?, note = ?, updated_by = ?, "
                + "updated_at = ? WHERE id = ?", quotas.upgradeGraceDays(), note, viewer.username(),
                Timestamp.from(clock.instant()), id);
        if (updated == 0) {
            throw new IllegalArgumentException("no quota draft " + id);
        }
        jdbc.update("DELETE FROM visit_quota_draft_row WHERE draft_id = ?", id);
        insertRows("visit_quota_draft_row", "draft_id", id, quotas);
    }

    /** Due dates under the draft against those in force, for everyone or one manager's book. */
    public SchedulePreview preview(QuotaDraft draft, Long manager) {
        return previews.ofQuotas(draft.quotas(), manager);
    }

    /**
     * Publishes the draft as the next version, audited, and closes it; every customer's
     * follow-up is refreshed in the background once committed.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when a version was published
     *         since the draft was started (its number is taken)
     */
    @Transactional
    public int publish(Viewer viewer, long id) {
        requireAdmin(viewer);
        QuotaDraft draft = find(id).orElseThrow(() -> new IllegalArgumentException("no quota draft " + id));
        QuotaPolicyVersion previous = versions().stream().filter(v -> v.version() == draft.baseVersion()).findFirst()
                .orElseThrow();
        int next = draft.baseVersion() + 1;
        jdbc.update("INSERT INTO visit_quota_policy (version, upgrade_grace_days, created_at, created_by, note) "
                + "VALUES (?, ?, ?, ?, ?)", next, draft.quotas().upgradeGraceDays(), Timestamp.from(clock.instant()),
                viewer.username(), draft.note());
        insertRows("visit_quota", "policy_version", next, draft.quotas());
        audit.fieldChanged(viewer.username(), "VisitQuotaPolicy", next, null, "quotas",
                describe(previous.version(), previous.quotas()), describe(next, draft.quotas()));
        jdbc.update("DELETE FROM visit_quota_draft WHERE id = ?", id);
        refresh.startAfterCommit("visit quotas v" + next);
        return next;
    }

    @Transactional
    public void discard(Viewer viewer, long id) {
        requireAdmin(viewer);
        jdbc.update("DELETE FROM visit_quota_draft WHERE id = ?", id);
    }

    /** "v2: A 7d/30d, B 14d/90d, C 30d≤4/-; grace 7d" — any contact / on-site visit per tier. */
    static String describe(int version, VisitQuotas quotas) {
        List<String> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            TierCadence c = quotas.of(tier);
            tiers.add(tier + " " + describe(c.anyContact()) + "/" + describe(c.onSiteVisit()));
        }
        return "v" + version + ": " + String.join(", ", tiers) + "; grace " + quotas.upgradeGraceDays() + "d";
    }

    private static String describe(Cadence cadence) {
        String min = cadence.hasMinimum() ? cadence.atLeastEveryDays() + "d" : "-";
        return cadence.atMostPer30Days() == null ? min : min + "≤" + cadence.atMostPer30Days();
    }

    private void insertRows(String table, String keyColumn, long key, VisitQuotas quotas) {
        List<Object[]> rows = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            for (ChannelGroup group : ChannelGroup.values()) {
                Cadence c = quotas.of(tier).of(group);
                rows.add(new Object[] {key, tier.name(), group.name(), c.atLeastEveryDays(), c.atMostPer30Days()});
            }
        }
        jdbc.batchUpdate("INSERT INTO " + table + " (" + keyColumn + ", tier, channel_group, at_least_every_days, "
                + "at_most_per_30_days) VALUES (?, ?, ?, ?, ?)", rows, new int[] {java.sql.Types.BIGINT,
                    java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.INTEGER, java.sql.Types.INTEGER});
    }

    private static Cadence cadence(ResultSet rs) throws SQLException {
        return new Cadence((Integer) rs.getObject("at_least_every_days"), (Integer) rs.getObject("at_most_per_30_days"));
    }

    private static VisitQuotas quotas(Map<Tier, Map<ChannelGroup, Cadence>> cadences, int graceDays) {
        Map<Tier, TierCadence> byTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Map<ChannelGroup, Cadence> groups = cadences.getOrDefault(tier, Map.of());
            byTier.put(tier, new TierCadence(groups.getOrDefault(ChannelGroup.ANY_CONTACT, Cadence.NONE),
                    groups.getOrDefault(ChannelGroup.ON_SITE_VISIT, Cadence.NONE)));
        }
        return new VisitQuotas(byTier, graceDays);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
    }

    private static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException("change visit quotas");
        }
    }
}
