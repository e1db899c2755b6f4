package com.keyaccount.crm.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo book's organisation: a province per region of the book, a region and a team below
 * each, the account managers in the teams and the supervising managers above them — so a
 * regional manager (chen) sees 张伟's book and a province manager (zhou) 王强's — and a customer
 * service (sun) and a marketing person (wu) on the service teams of a few of 张伟's accounts.
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

    /** The owner's five oldest accounts get the members named on their service team. */
    static int serviceTeams(JdbcTemplate jdbc, Instant now, String owner, String... members) {
        int written = 0;
        for (String member : members) {
            written += jdbc.update("""
                    INSERT INTO service_member (customer_id, user_id, added_at, added_by)
                    SELECT c.id, m.id, ?, 'director' FROM customer c JOIN app_user o ON o.id = c.owner_id
                    JOIN app_user m ON m.username = ?
                    WHERE o.username = ? AND c.id IN (SELECT c2.id FROM customer c2 JOIN app_user o2 ON o2.id = c2.owner_id
                                                      WHERE o2.username = ? ORDER BY c2.id LIMIT 5)""",
                    Timestamp.from(now), member, owner, owner);
        }
        return written;
    }

    /**
     * The colleague came along (协访) on the owner's on-site visits of the last three weeks to the
     * four accounts the owner visits most (the book's key accounts, as the generator shapes it),
     * so the colleague's duties show some met and the timeline shows joint visits.
     */
    static int jointVisits(JdbcTemplate jdbc, Instant now, String owner, String colleague) {
        return jdbc.update("""
                INSERT INTO contact_participant (contact_log_id, user_id)
                SELECT l.id, (SELECT id FROM app_user WHERE username = ?) FROM contact_log l
                WHERE l.author_id = (SELECT id FROM app_user WHERE username = ?) AND l.channel = 'VISIT'
                  AND l.occurred_at >= ? AND l.customer_id IN (
                      SELECT v.customer_id FROM contact_log v
                      WHERE v.author_id = (SELECT id FROM app_user WHERE username = ?) AND v.channel = 'VISIT'
                        AND v.occurred_at >= ?
                      GROUP BY v.customer_id ORDER BY COUNT(*) DESC, v.customer_id LIMIT 4)""",
                colleague, owner, Timestamp.from(now.minus(Duration.ofDays(21))), owner,
                Timestamp.from(now.minus(Duration.ofDays(180))));
    }
}
