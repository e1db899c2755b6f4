package com.keyaccount.crm.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each customer's latest contact (V64), which the list's and the coverage page's "not contacted
 * for N days" read: an upgraded book gets it from the log it already holds, and from then on it
 * follows the log whoever writes it — entries added one by one or many in one statement, moved to
 * another day or customer, removed — on both databases.
 */
class LastContactTest {

    @Test
    void on_h2_the_latest_contact_follows_the_log() {
        UpgradeDatabases.onFreshH2("last", ds -> upgradeAndFollow(ds, "h2"));
    }

    @Test
    void on_postgresql_the_latest_contact_follows_the_log() {
        UpgradeDatabases.onOwnPostgresDatabase("last", ds -> upgradeAndFollow(ds, "postgresql"));
    }

    private static void upgradeAndFollow(DataSource ds, String vendor) {
        UpgradeDatabases.migrations(ds, vendor, "63").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("""
                INSERT INTO app_user (id, username, password_hash, display_name, role, created_at)
                VALUES (1, 'am', 'x', 'AM', 'ACCOUNT_MANAGER', CURRENT_TIMESTAMP)""");
        for (String code : new String[] {"C1", "C2", "C3"}) {
            jdbc.update("""
                    INSERT INTO customer (code, name, industry, region, owner_id, status, created_at, updated_at)
                    VALUES (?, ?, 'IT', 'EAST', 1, 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", code, code);
        }
        log(jdbc, "C1", "2026-03-01 10:00:00+08", "before-1");
        log(jdbc, "C1", "2026-05-01 10:00:00+08", "before-2");
        log(jdbc, "C1", "2026-04-01 10:00:00+08", "before-3");

        UpgradeDatabases.migrations(ds, vendor, null).migrate();

        assertThat(latest(jdbc, "C1")).as("the latest of the log kept before").isEqualTo("2026-05-01");
        assertThat(latest(jdbc, "C2")).as("never contacted").isNull();
        jdbc.update("""
                INSERT INTO customer (code, name, industry, region, owner_id, status, created_at, updated_at)
                VALUES ('C4', 'C4', 'IT', 'EAST', 1, 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_last_contact", Integer.class))
                .as("a row for every customer, before and after the upgrade, contacted or not").isEqualTo(4);
        assertThat(latest(jdbc, "C4")).isNull();

        log(jdbc, "C2", "2026-06-01 10:00:00+08", "one");
        assertThat(latest(jdbc, "C2")).isEqualTo("2026-06-01");
        log(jdbc, "C2", "2026-02-01 10:00:00+08", "older");
        assertThat(latest(jdbc, "C2")).as("an older entry logged later").isEqualTo("2026-06-01");

        // many entries of several customers in one statement
        jdbc.update("""
                INSERT INTO contact_log (customer_id, author_id, channel, occurred_at, summary, submission_token, created_at)
                SELECT c.id, 1, 'PHONE', CAST(? AS TIMESTAMP WITH TIME ZONE), 'bulk', c.code || '-bulk', CURRENT_TIMESTAMP
                FROM customer c WHERE c.code IN ('C1', 'C3')""", "2026-07-01 10:00:00+08");
        assertThat(latest(jdbc, "C1")).isEqualTo("2026-07-01");
        assertThat(latest(jdbc, "C3")).isEqualTo("2026-07-01");

        jdbc.update("DELETE FROM contact_log WHERE submission_token = 'C1-bulk'");
        assertThat(latest(jdbc, "C1")).as("the latest removed: the one before").isEqualTo("2026-05-01");
        jdbc.update("UPDATE contact_log SET occurred_at = CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE submission_token = 'before-2'",
                "2026-01-15 10:00:00+08");
        assertThat(latest(jdbc, "C1")).as("moved back in time").isEqualTo("2026-04-01");
        jdbc.update("UPDATE contact_log SET customer_id = (SELECT id FROM customer WHERE code = 'C2') WHERE submission_token = 'C3-bulk'");
        assertThat(latest(jdbc, "C3")).as("its only entry moved to another customer").isNull();
        assertThat(latest(jdbc, "C2")).isEqualTo("2026-07-01");
        jdbc.update("DELETE FROM contact_log WHERE customer_id = (SELECT id FROM customer WHERE code = 'C1')");
        assertThat(latest(jdbc, "C1")).as("every entry removed").isNull();
    }

    private static void log(JdbcTemplate jdbc, String customer, String at, String token) {
        jdbc.update("""
                INSERT INTO contact_log (customer_id, author_id, channel, occurred_at, summary, submission_token, created_at)
                VALUES ((SELECT id FROM customer WHERE code = ?), 1, 'VISIT', CAST(? AS TIMESTAMP WITH TIME ZONE), 's', ?,
                        CURRENT_TIMESTAMP)""", customer, at, token);
    }

    /** The day (in Shanghai) of the customer's latest contact as kept, or null if never contacted. */
    private static String latest(JdbcTemplate jdbc, String code) {
        return jdbc.query("""
                SELECT k.last_contact_at FROM customer_last_contact k JOIN customer c ON c.id = k.customer_id
                WHERE c.code = ?""", (rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(at -> at.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString()), code)
                .stream().findFirst().orElseThrow(() -> new AssertionError("no row for " + code)).orElse(null);
    }
}
