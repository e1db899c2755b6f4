package com.keyaccount.crm.customer;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The only writer of {@code potential_factors}: its one row of settings, as JSON. */
@Component
class PotentialFactorsStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PotentialFactorsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PotentialFactorsService.Setting read() {
        return jdbc.sql("SELECT settings, version, updated_by, updated_at FROM potential_factors WHERE id = 1")
                .query((rs, n) -> {
                    String json = rs.getString("settings");
                    Timestamp at = rs.getTimestamp("updated_at");
                    return new PotentialFactorsService.Setting(json == null ? PotentialFactors.DEFAULT
                            : JSON.readValue(json, PotentialFactors.class), rs.getLong("version"),
                            rs.getString("updated_by"), at == null ? null : at.toInstant());
                }).single();
    }

    /** @return false when someone saved since {@code seenVersion} was read: nothing written */
    boolean write(PotentialFactors factors, long seenVersion, String by, Instant at) {
        return jdbc.sql("""
                UPDATE potential_factors SET settings = ?, version = version + 1, updated_by = ?, updated_at = ?
                WHERE id = 1 AND version = ?""")
                .params(JSON.writeValueAsString(factors), by, Timestamp.from(at), seenVersion).update() == 1;
    }
}
