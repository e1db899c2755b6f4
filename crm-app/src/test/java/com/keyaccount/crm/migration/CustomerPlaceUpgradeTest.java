package com.keyaccount.crm.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upgrading a book kept before province and city were fields (V62, V63, issue 19): each customer
 * gets the place its address names; one whose address names none stays without.
 */
class CustomerPlaceUpgradeTest {

    @Test
    void on_h2_customers_get_the_place_their_address_names() {
        UpgradeDatabases.onFreshH2("place", ds -> upgradeAndRead(ds, "h2"));
    }

    @Test
    void on_postgresql_customers_get_the_place_their_address_names() {
        UpgradeDatabases.onOwnPostgresDatabase("place", ds -> upgradeAndRead(ds, "postgresql"));
    }

    private static void upgradeAndRead(DataSource ds, String vendor) {
        UpgradeDatabases.migrations(ds, vendor, "61").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("""
                INSERT INTO app_user (id, username, password_hash, display_name, role, created_at)
                VALUES (1, 'am', 'x', 'AM', 'ACCOUNT_MANAGER', CURRENT_TIMESTAMP)""");
        Map<String, String> addresses = Map.of("C1", "江苏省南京市鼓楼区中山北路 88 号", "C2", "深圳市南山区科技园",
                "C3", "工业园区 8 号厂房");
        addresses.forEach((code, address) -> jdbc.update("""
                INSERT INTO customer (code, name, industry, region, owner_id, status, address, created_at, updated_at)
                VALUES (?, ?, 'IT', 'EAST', 1, 'ACTIVE', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", code, code, address));
        jdbc.update("""
                INSERT INTO customer (code, name, industry, region, owner_id, status, created_at, updated_at)
                VALUES ('C4', 'C4', 'IT', 'EAST', 1, 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");

        UpgradeDatabases.migrations(ds, vendor, null).migrate();

        assertThat(place(jdbc, "C1")).isEqualTo("320000/320100");
        assertThat(place(jdbc, "C2")).as("a city's full name without its province").isEqualTo("440000/440300");
        assertThat(place(jdbc, "C3")).isEqualTo("null/null");
        assertThat(place(jdbc, "C4")).as("no address").isEqualTo("null/null");
    }

    private static String place(JdbcTemplate jdbc, String code) {
        return jdbc.queryForObject("SELECT province_code, city_code FROM customer WHERE code = ?",
                (rs, n) -> rs.getString(1) + "/" + rs.getString(2), code);
    }
}
