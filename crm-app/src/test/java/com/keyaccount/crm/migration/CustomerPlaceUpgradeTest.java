package com.keyaccount.crm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.keyaccount.crm.support.TestDatabase;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Upgrading a book kept before province and city were fields (V62, V63, issue 19): each customer
 * gets the place its address names; one whose address names none stays without.
 */
class CustomerPlaceUpgradeTest {

    @Test
    void on_h2_customers_get_the_place_their_address_names() {
        var h2 = new SingleConnectionDataSource(TestDatabase.freshH2("place-" + UUID.randomUUID()), "sa", "", true);
        upgradeAndRead(h2, "h2");
    }

    /** In a database of its own, as the other upgrade tests (the migrations' functions would be found twice). */
    @Test
    void on_postgresql_customers_get_the_place_their_address_names() {
        String url = TestDatabase.externalUrl().orElse("");
        assumeTrue(url.startsWith("jdbc:postgresql:"), "CRM_TEST_DB_URL names no PostgreSQL server");
        String database = "place_" + UUID.randomUUID().toString().substring(0, 8);
        var server = new SingleConnectionDataSource(url, TestDatabase.user(), TestDatabase.password(), true);
        new JdbcTemplate(server).execute("CREATE DATABASE " + database);
        var pg = new SingleConnectionDataSource(url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database),
                TestDatabase.user(), TestDatabase.password(), true);
        try {
            upgradeAndRead(pg, "postgresql");
        } finally {
            pg.destroy();
            new JdbcTemplate(server).execute("DROP DATABASE IF EXISTS " + database);
            server.destroy();
        }
    }

    private static void upgradeAndRead(DataSource ds, String vendor) {
        flyway(ds, vendor, "61").migrate();
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

        flyway(ds, vendor, null).migrate();

        assertThat(place(jdbc, "C1")).isEqualTo("320000/320100");
        assertThat(place(jdbc, "C2")).as("a city's full name without its province").isEqualTo("440000/440300");
        assertThat(place(jdbc, "C3")).isEqualTo("null/null");
        assertThat(place(jdbc, "C4")).as("no address").isEqualTo("null/null");
    }

    private static String place(JdbcTemplate jdbc, String code) {
        return jdbc.queryForObject("SELECT province_code, city_code FROM customer WHERE code = ?",
                (rs, n) -> rs.getString(1) + "/" + rs.getString(2), code);
    }

    private static Flyway flyway(DataSource ds, String vendor, String target) {
        var configuration = Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        return (target == null ? configuration : configuration.target(target)).load();
    }
}
