package com.keyaccount.crm.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo book's organisation: a province per region of the book, a region and a team below
 * each, the account managers in the teams and the supervising managers above them — so a
 * regional manager (chen) sees 张伟's book and a province manager (zhou) 王强's.
 */
final class DemoOrganisation {

    private final JdbcTemplate jdbc;
    private final Timestamp now;

    DemoOrganisation(JdbcTemplate jdbc, Instant now) {
        this.jdbc = jdbc;
        this.now = Timestamp.from(now);
    }

    /** Places each user named (username → the team's path below the company); returns the units written. */
    int write(Map<String, String[]> teams) {
        long company = jdbc.queryForObject("SELECT id FROM org_unit WHERE parent_id IS NULL", Long.class);
        int written = 0;
        for (Map.Entry<String, String[]> team : teams.entrySet()) {
            String[] path = team.getValue();
            long parent = company;
            String[] kinds = {"PROVINCE", "REGION", "TEAM"};
            for (int level = 0; level < path.length; level++) {
                Long found = jdbc.query("SELECT id FROM org_unit WHERE parent_id = ? AND name = ?",
                        rs -> rs.next() ? rs.getLong(1) : null, parent, path[level]);
                if (found == null) {
                    jdbc.update("INSERT INTO org_unit (parent_id, name, kind, created_at) VALUES (?, ?, ?, ?)", parent,
                            path[level], kinds[level], now);
                    found = jdbc.queryForObject("SELECT id FROM org_unit WHERE parent_id = ? AND name = ?", Long.class,
                            parent, path[level]);
                    written++;
                }
                parent = found;
            }
            jdbc.update("UPDATE app_user SET unit_id = ? WHERE username = ?", parent, team.getKey());
        }
        return written;
    }
}
