package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.complaint.rules.ServicePolicy;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.DraftStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The only writer of {@code complaint_policy_draft}; its open slot allows one draft at a time. */
@Component
class ServicePolicyDraftStore implements DraftStore<ServicePolicy> {

    private static final String COLUMNS = "id, base_version, copied_from, policy, note, created_by, created_at, "
            + "updated_by, updated_at, version";

    private final JdbcClient jdbc;

    ServicePolicyDraftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean oneAtATime() {
        return true;
    }

    @Override
    public List<Draft<ServicePolicy>> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint_policy_draft ORDER BY updated_at DESC")
                .query((rs, n) -> draft(rs)).list();
    }

    @Override
    public Optional<Draft<ServicePolicy>> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint_policy_draft WHERE id = ?").param(id)
                .query((rs, n) -> draft(rs)).optional();
    }

    @Override
    public long insert(int basedOn, int copiedFrom, ServicePolicy policy, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO complaint_policy_draft (base_version, copied_from, policy, created_by, created_at,
                    updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(basedOn, copiedFrom, PolicyJson.write(policy), by, Timestamp.from(at), by, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    @Override
    public boolean update(long id, long seenVersion, ServicePolicy policy, String note, String by, Instant at) {
        return jdbc.sql("""
                UPDATE complaint_policy_draft SET policy = ?, note = ?, updated_by = ?, updated_at = ?,
                    version = version + 1 WHERE id = ? AND version = ?""")
                .params(PolicyJson.write(policy), note, by, Timestamp.from(at), id, seenVersion).update() == 1;
    }

    @Override
    public void delete(long id) {
        jdbc.sql("DELETE FROM complaint_policy_draft WHERE id = ?").param(id).update();
    }

    private static Draft<ServicePolicy> draft(ResultSet rs) throws SQLException {
        return new Draft<>(rs.getLong("id"), rs.getInt("base_version"), rs.getInt("copied_from"),
                PolicyJson.read(rs.getString("policy")), rs.getString("note"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }
}
