package com.keyaccount.crm.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The customer file's optional latitude and longitude columns: a pair sets the location (shown as
 * imported, by the importer, audited), an empty pair removes it, half a pair or a number out of
 * range refuses the file; the customers export writes the columns, so a file round-trips.
 */
@FullStackTest
class LocationImportTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private AppUser director;
    private AppUser manager;

    LocationImportTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    @BeforeEach
    void people() {
        director = fixtures.user(Role.SALES_DIRECTOR);
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
    }

    @AfterEach
    void awaitRecompute() throws Exception {
        Recomputes.awaitIdle(recompute);
        Imports.forget(jdbc, director.getUsername());
    }

    @Test
    void a_new_and_an_existing_customer_take_the_files_location_as_imported_by_the_importer() throws Exception {
        Customer existing = fixtures.customer(manager, Fixtures.unique("已有"));
        String created = Fixtures.unique("C");
        String page = upload("code,name,industry,region,owner,latitude,longitude\n"
                + created + ",南京新客户,IT,EAST," + manager.getUsername() + ",32.0603,118.7969\n"
                + existing.getCode() + "," + existing.getName() + ",MANUFACTURING,EAST," + manager.getUsername()
                + ",31.2304,121.4737\n");

        assertThat(page).contains("All 2 lines imported.");
        assertThat(location("code = '" + created + "'")).containsEntry("latitude", new BigDecimal("32.060300"))
                .containsEntry("longitude", new BigDecimal("118.796900")).containsEntry("location_source", "IMPORTED")
                .containsEntry("location_set_by", director.getUsername());
        assertThat(location("id = " + existing.getId())).containsEntry("latitude", new BigDecimal("31.230400"))
                .containsEntry("location_source", "IMPORTED");
        assertThat(jdbc.queryForList("SELECT field || ' ' || new_value FROM audit_event WHERE customer_id = ? "
                + "AND field IN ('latitude', 'longitude') ORDER BY field", String.class, existing.getId()))
                .containsExactly("latitude 31.230400", "longitude 121.473700");

        // the export writes the columns; its file re-imports with nothing changed
        String csv = mvc.perform(get("/exports/customers.csv").with(user(Fixtures.principal(manager)))
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith("Tier,Latitude,Longitude,Potential,Adoption,Potential: first factor,Potential: second factor");
        assertThat(csv).contains(",31.230400,121.473700");
        long version = jdbc.queryForObject("SELECT version FROM customer WHERE id = ?", Long.class, existing.getId());
        assertThat(upload(csv.replace("\uFEFF", ""))).contains("imported");
        assertThat(jdbc.queryForObject("SELECT version FROM customer WHERE id = ?", Long.class, existing.getId()))
                .as("unchanged by its own export").isEqualTo(version);
    }

    @Test
    void an_empty_pair_removes_the_location_and_a_file_without_the_columns_keeps_it() throws Exception {
        Customer customer = fixtures.customer(manager, Fixtures.unique("清除"));
        String row = customer.getCode() + "," + customer.getName() + ",MANUFACTURING,EAST," + manager.getUsername();
        upload("code,name,industry,region,owner,latitude,longitude\n" + row + ",31.2304,121.4737\n");
        upload("code,name,industry,region,owner,phone\n" + row + ",021-1\n");
        assertThat(location("id = " + customer.getId()).get("latitude")).isNotNull();

        upload("code,name,industry,region,owner,latitude,longitude\n" + row + ",,\n");
        assertThat(location("id = " + customer.getId())).containsEntry("latitude", null)
                .containsEntry("location_source", null).containsEntry("location_set_by", null);
    }

    @Test
    void half_a_pair_or_a_number_out_of_range_refuses_the_file_and_says_why() throws Exception {
        Customer customer = fixtures.customer(manager, Fixtures.unique("拒绝"));
        String row = customer.getCode() + "," + customer.getName() + ",MANUFACTURING,EAST," + manager.getUsername();
        String page = upload("code,name,industry,region,owner,latitude,longitude\n" + row + ",31.2304,\n"
                + row.replace(customer.getCode(), Fixtures.unique("N")) + ",95,121\n"
                + row.replace(customer.getCode(), Fixtures.unique("N")) + ",31.2,东经121\n");

        assertThat(page).contains("Latitude and longitude go together: fill in both, or neither.",
                "Out of range: latitude from", "Not a valid number.");
        assertThat(location("id = " + customer.getId()).get("latitude")).isNull();
    }

    private String upload(String file) throws Exception {
        return Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> location(String where) {
        return jdbc.queryForMap("SELECT latitude, longitude, location_source, location_set_by FROM customer WHERE "
                + where);
    }
}
