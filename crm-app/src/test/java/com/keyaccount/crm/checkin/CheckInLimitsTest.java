package com.keyaccount.crm.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admin's check-in limits: changed on their page (audited, applied from the next check-in,
 * earlier check-ins keep the limits they were judged by), refused out of range beside the field.
 */
@FullStackTest
class CheckInLimitsTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final OnSite onSite;
    private AppUser admin;

    CheckInLimitsTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.onSite = new OnSite(mvc, jdbc);
    }

    @BeforeEach
    void admin() {
        admin = fixtures.user(Role.ADMIN);
    }

    @AfterEach
    void defaults() {
        jdbc.update("UPDATE check_in_setting SET max_distance_m = 500, max_accuracy_m = 200 WHERE id = 1");
    }

    @Test
    void a_narrower_distance_applies_from_the_next_check_in_and_is_audited() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("范围"));
        onSite.pin(manager, customer);
        onSite.checkIn(manager, customer, 400, 10);
        onSite.checkOut(manager, customer, 400);

        assertThat(save("300", "100").getRedirectedUrl()).isEqualTo("/admin/check-in");
        assertThat(jdbc.queryForMap("SELECT max_distance_m, max_accuracy_m, updated_by FROM check_in_setting"))
                .containsEntry("max_distance_m", 300).containsEntry("max_accuracy_m", 100)
                .containsEntry("updated_by", admin.getUsername());
        assertThat(jdbc.queryForList("SELECT field || ': ' || old_value || ' -> ' || new_value FROM audit_event "
                + "WHERE actor = ? AND entity_type = 'CheckInSetting' ORDER BY field", String.class,
                admin.getUsername())).containsExactly("maxAccuracyMeters: 200 -> 100", "maxDistanceMeters: 500 -> 300");

        onSite.checkIn(manager, customer, 400, 10);
        assertThat(jdbc.queryForList("SELECT in_verdict || ' ' || max_distance_m FROM check_in WHERE customer_id = ? "
                + "ORDER BY id", String.class, customer.getId())).containsExactly("VERIFIED 500", "TOO_FAR 300");
        assertThat(onSite.page(admin, "/admin/check-in")).contains("Last changed by " + admin.getUsername());
    }

    @Test
    void limits_out_of_range_are_explained_beside_their_field_and_nothing_changes() throws Exception {
        String page = save("20", "").getContentAsString();
        assertThat(page).contains("Enter a whole number of metres from 50 to 50000.", "Required.", "value=\"20\"");
        page = save("600", "9000").getContentAsString();
        assertThat(page).contains("Enter a whole number of metres from 10 to 5000.");
        assertThat(jdbc.queryForMap("SELECT max_distance_m, max_accuracy_m FROM check_in_setting"))
                .containsEntry("max_distance_m", 500).containsEntry("max_accuracy_m", 200);
    }

    @Test
    void only_an_admin_changes_the_limits() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        int status = mvc.perform(post("/admin/check-in").with(user(Fixtures.principal(director))).with(csrf())
                .param("maxDistanceMeters", "5000").param("maxAccuracyMeters", "5000")).andReturn().getResponse()
                .getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT max_distance_m FROM check_in_setting", Integer.class)).isEqualTo(500);
    }

    private MockHttpServletResponse save(String distance, String accuracy) throws Exception {
        return mvc.perform(post("/admin/check-in").with(user(Fixtures.principal(admin))).header("Accept-Language", "en").with(csrf())
                .param("maxDistanceMeters", distance).param("maxAccuracyMeters", accuracy)).andReturn().getResponse();
    }
}
