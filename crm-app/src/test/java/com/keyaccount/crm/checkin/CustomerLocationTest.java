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
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A customer's pin: typed coordinates as pasted from a map (errors beside the field, the text
 * kept, nothing saved), or the phone's position at the customer when it is precise enough; shown
 * with a geo: link for the phone's map app, who set it and how, and audited.
 */
@FullStackTest
class CustomerLocationTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final OnSite onSite;
    private AppUser manager;
    private Customer customer;

    CustomerLocationTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.onSite = new OnSite(mvc, jdbc);
    }

    @BeforeEach
    void customer() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        customer = fixtures.customer(manager, Fixtures.unique("定位"));
    }

    @Test
    void pasted_coordinates_with_a_full_width_comma_become_the_pin_shown_with_a_geo_link_and_audited()
            throws Exception {
        MockHttpServletResponse answer = typed("31.2304，121.4737");
        assertThat(answer.getRedirectedUrl()).isEqualTo("/customers/" + customer.getId() + "#on-site");

        assertThat(location()).containsEntry("latitude", new BigDecimal("31.230400"))
                .containsEntry("longitude", new BigDecimal("121.473700")).containsEntry("location_source", "TYPED")
                .containsEntry("location_set_by", manager.getUsername());
        assertThat(onSite.page(manager, "/customers/{id}", customer.getId()))
                .contains("href=\"geo:31.230400,121.473700\"", "31.230400, 121.473700", "(typed, set by "
                        + manager.getUsername());
        assertThat(jdbc.queryForMap("SELECT old_value, new_value FROM audit_event WHERE customer_id = ? "
                + "AND field = 'location'", customer.getId())).containsEntry("old_value", null)
                .containsEntry("new_value", "31.230400, 121.473700");
    }

    @Test
    void coordinates_that_are_not_any_are_explained_beside_the_field_kept_and_not_saved() throws Exception {
        assertRefused("121.4737, 31.2304", "did you put the longitude first?");
        assertRefused("31.2304", "Enter two decimal numbers, latitude first");
        assertRefused("北京", "Enter two decimal numbers, latitude first");
        assertRefused("95.1, 200.5", "The latitude (the first number) must be from");
        assertRefused("31.2304, 190", "The longitude (the second number) must be from");
        assertRefused("", "Enter the latitude and longitude.");
        assertThat(location().get("latitude")).isNull();
    }

    @Test
    void the_phones_position_becomes_the_pin_only_when_precise_and_taken_now() throws Exception {
        MockHttpServletResponse imprecise = onSite.send("/customers/{id}/location/device", manager, customer,
                OnSite.north(0), "121.4737", "850", String.valueOf(System.currentTimeMillis()));
        assertThat(imprecise.getStatus()).isEqualTo(200);
        assertThat(imprecise.getContentAsString()).contains("accurate to 850 m only; at most 200 m is accepted");
        assertThat(location().get("latitude")).isNull();

        onSite.send("/customers/{id}/location/device", manager, customer, "31.2304", "121.4737", "15", null);
        assertThat(location().get("latitude")).as("a position without the phone's time").isNull();

        MockHttpServletResponse precise = onSite.send("/customers/{id}/location/device", manager, customer, "31.2304",
                "121.4737", "15", String.valueOf(System.currentTimeMillis()));
        assertThat(precise.getStatus()).isEqualTo(302);
        assertThat(location()).containsEntry("location_source", "DEVICE")
                .containsEntry("latitude", new BigDecimal("31.230400"));
        assertThat(onSite.page(manager, "/customers/{id}", customer.getId()))
                .contains("phone position at the customer, set by " + manager.getUsername());
    }

    @Test
    void a_director_may_place_any_customers_pin() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        int status = mvc.perform(post("/customers/{id}/location", customer.getId())
                .with(user(Fixtures.principal(director))).with(csrf()).param("coordinates", "32.0603, 118.7969"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(302);
        assertThat(location()).containsEntry("location_set_by", director.getUsername());
    }

    private void assertRefused(String typed, String message) throws Exception {
        MockHttpServletResponse answer = typed(typed);
        assertThat(answer.getStatus()).as(typed).isEqualTo(200);
        String page = answer.getContentAsString();
        assertThat(page).contains(message, "is-invalid");
        if (!typed.isEmpty()) {
            assertThat(page).contains("value=\"" + typed + "\"");
        }
    }

    private MockHttpServletResponse typed(String coordinates) throws Exception {
        return mvc.perform(post("/customers/{id}/location", customer.getId()).with(user(Fixtures.principal(manager))).header("Accept-Language", "en")
                .with(csrf()).param("coordinates", coordinates)).andReturn().getResponse();
    }

    private Map<String, Object> location() {
        return jdbc.queryForMap("SELECT latitude, longitude, location_source, location_set_by FROM customer "
                + "WHERE id = ?", customer.getId());
    }
}
