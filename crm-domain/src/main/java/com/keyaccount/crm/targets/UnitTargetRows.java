package com.keyaccount.crm.targets;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The units' targets, {@code unit_target}: read and written for {@link SalesTargets} only. */
@Component
class UnitTargetRows {

    private final JdbcClient jdbc;

    UnitTargetRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, Targets> of(TargetPeriod period) {
        Map<Long, Targets> byUnit = new HashMap<>();
        jdbc.sql("""
                SELECT unit_id, revenue, orders, new_key_accounts FROM unit_target
                WHERE period_kind = ? AND period_start = ?""").params(period.kind().name(), Date.valueOf(period.first()))
                .query(rs -> {
                    byUnit.put(rs.getLong(1), new Targets(rs.getBigDecimal(2), (Integer) rs.getObject(3, Integer.class),
                            (Integer) rs.getObject(4, Integer.class)));
                });
        return byUnit;
    }

    void put(long unitId, TargetPeriod period, Targets targets, String by, Instant at) {
        int updated = jdbc.sql("""
                UPDATE unit_target SET revenue = ?, orders = ?, new_key_accounts = ?, updated_by = ?, updated_at = ?,
                    version = version + 1
                WHERE unit_id = ? AND period_kind = ? AND period_start = ?""")
                .params(targets.revenue(), targets.orders(), targets.newKeyAccounts(), by, Timestamp.from(at), unitId,
                        period.kind().name(), Date.valueOf(period.first())).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO unit_target (unit_id, period_kind, period_start, revenue, orders, new_key_accounts,
                        updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(unitId, period.kind().name(), Date.valueOf(period.first()), targets.revenue(),
                            targets.orders(), targets.newKeyAccounts(), by, Timestamp.from(at)).update();
        }
    }

    void remove(long unitId, TargetPeriod period) {
        jdbc.sql("DELETE FROM unit_target WHERE unit_id = ? AND period_kind = ? AND period_start = ?")
                .params(unitId, period.kind().name(), Date.valueOf(period.first())).update();
    }

    boolean unitExists(long unitId) {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE id = ? AND parent_id IS NOT NULL").param(unitId)
                .query(Long.class).single() > 0;
    }
}
