package com.keyaccount.crm.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the check-in routes refuse: numbers no phone gives (400, nothing written, the page says
 * which value), another manager's customer (the 404 of a missing one on every route, nothing
 * written), and a request without its CSRF token.
 */
@FullStackTest
class CheckInRefusalsTest {

    private static final long MISSING = 987_654_321L;
    private static final List<String> POSTS = List.of("/customers/%d/check-in", "/customers/%d/check-out",
            "/customers/%d/location/device");

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final OnSite onSite;
    private AppUser manager;
    private Customer customer;

    CheckInRefusalsTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.onSite = new OnSite(mvc, jdbc);
    }

    @BeforeEach
    void customer() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        customer = fixtures.customer(manager, Fixtures.unique("拒绝"));
    }

    @Test
    void numbers_no_phone_gives_answer_400_with_the_value_named_and_nothing_is_written() throws Exception {
        String now = String.valueOf(System.currentTimeMillis());
        String[][] bad = {
            {"NaN", "121.4737", "10", now, "Latitude"},
            {"91", "121.4737", "10", now, "Latitude"},
            {null, "121.4737", "10", now, "Latitude"},
            {"31.2304", "Infinity", "10", now, "Longitude"},
            {"31.2304", "1e400", "10", now, "Longitude"},
            {"31.2304", "-180.0001", "10", now, "Longitude"},
            {"31.2304", "121.4737", "-1", now, "Accuracy"},
            {"31.2304", "121.4737", "1e9", now, "Accuracy"},
            {"31.2304", "121.4737", "10", "soon", "Time of the position"},
            {"31.2304", "121.4737", "10", "99999999999999999", "Time of the position"},
        };
        for (String path : POSTS) {
            for (String[] values : bad) {
                var answer = onSite.send(path.replace("%d", "{id}"), manager, customer, values[0], values[1], values[2],
                        values[3]);
                assertThat(answer.getStatus()).as(path + " with " + String.join(" ", String.valueOf(values[0]),
                        values[1], values[2], values[3])).isEqualTo(400);
                assertThat(answer.getContentAsString()).contains("Position refused", values[4], "Nothing was saved.");
            }
        }
        assertThat(onSite.checkIns(customer)).isZero();
        assertThat(jdbc.queryForMap("SELECT latitude, version FROM customer WHERE id = ?", customer.getId()))
                .containsEntry("latitude", null).containsEntry("version", 0L);
    }

    @Test
    void another_managers_customer_answers_like_a_missing_one_on_every_route_and_nothing_is_written()
            throws Exception {
        AppUser intruder = fixtures.user(Role.ACCOUNT_MANAGER);
        onSite.pin(manager, customer);
        onSite.checkIn(manager, customer, 10, 10);
        Map<String, Object> before = state();

        List<String> leaks = new ArrayList<>();
        for (String path : POSTS) {
            for (long id : new long[] {customer.getId(), MISSING}) {
                int status = mvc.perform(post(path.formatted(id)).with(user(Fixtures.principal(intruder))).with(csrf())
                        .param("latitude", OnSite.north(5)).param("longitude", "121.4737").param("accuracy", "5")
                        .param("positionAt", String.valueOf(System.currentTimeMillis()))).andReturn().getResponse()
                        .getStatus();
                if (status != 404) {
                    leaks.add(path.formatted(id) + ": " + status);
                }
            }
        }
        for (long id : new long[] {customer.getId(), MISSING}) {
            int typed = mvc.perform(post("/customers/{id}/location", id).with(user(Fixtures.principal(intruder)))
                    .with(csrf()).param("coordinates", "30.0, 120.0")).andReturn().getResponse().getStatus();
            int shown = mvc.perform(get("/customers/{id}/location", id).with(user(Fixtures.principal(intruder))))
                    .andReturn().getResponse().getStatus();
            if (typed != 404 || shown != 404) {
                leaks.add("location of " + id + ": POST " + typed + ", GET " + shown);
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(state()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM check_in WHERE user_id = ?", Integer.class,
                intruder.getId())).isZero();
    }

    @Test
    void a_check_in_without_its_csrf_token_is_refused() throws Exception {
        int status = mvc.perform(post("/customers/{id}/check-in", customer.getId())
                .with(user(Fixtures.principal(manager))).param("latitude", "31.2304").param("longitude", "121.4737"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(onSite.checkIns(customer)).isZero();
    }

    private Map<String, Object> state() {
        return jdbc.queryForMap("""
                SELECT c.latitude, c.longitude, c.version, (SELECT COUNT(*) FROM check_in k WHERE k.customer_id = c.id) AS n,
                       (SELECT MAX(k.ended) FROM check_in k WHERE k.customer_id = c.id) AS ended
                FROM customer c WHERE c.id = ?""", customer.getId());
    }
}
