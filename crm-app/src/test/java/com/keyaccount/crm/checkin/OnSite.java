package com.keyaccount.crm.checkin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.AppUser;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the check-in pages post, as our page's script posts it after asking the browser: a
 * customer's pin at People's Square, Shanghai, and positions a given number of metres due north
 * of it (one degree of latitude is 6,371,008.8 m × π / 180 = 111,195.08 m on the mean sphere).
 */
class OnSite {

    static final double LATITUDE = 31.2304;
    static final double LONGITUDE = 121.4737;
    static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final MockMvc mvc;
    private final JdbcTemplate jdbc;

    OnSite(MockMvc mvc, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** Places the customer's pin at People's Square through the location form, as {@code who}. */
    void pin(AppUser who, Customer customer) throws Exception {
        mvc.perform(post("/customers/{id}/location", customer.getId()).with(user(Fixtures.principal(who))).header("Accept-Language", "en").with(csrf())
                .param("coordinates", LATITUDE + ", " + LONGITUDE));
    }

    /** Checks in {@code metres} north of the pin, with the accuracy and the phone's time now. */
    MockHttpServletResponse checkIn(AppUser who, Customer customer, double metres, double accuracy) throws Exception {
        return send("/customers/{id}/check-in", who, customer, north(metres), String.valueOf(LONGITUDE),
                String.valueOf(accuracy), String.valueOf(System.currentTimeMillis()));
    }

    MockHttpServletResponse checkOut(AppUser who, Customer customer, double metres) throws Exception {
        return send("/customers/{id}/check-out", who, customer, north(metres), String.valueOf(LONGITUDE), "10",
                String.valueOf(System.currentTimeMillis()));
    }

    /** Posts exactly these values (null: the field is left out). */
    MockHttpServletResponse send(String path, AppUser who, Customer customer, String latitude, String longitude,
            String accuracy, String positionAt) throws Exception {
        var request = post(path, customer.getId()).with(user(Fixtures.principal(who))).header("Accept-Language", "en").with(csrf());
        if (latitude != null) {
            request.param("latitude", latitude);
        }
        if (longitude != null) {
            request.param("longitude", longitude);
        }
        if (accuracy != null) {
            request.param("accuracy", accuracy);
        }
        if (positionAt != null) {
            request.param("positionAt", positionAt);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Logs a contact through the full form, as of now. */
    void log(AppUser who, Customer customer, String channel) throws Exception {
        mvc.perform(post("/customers/{id}/logs", customer.getId()).with(user(Fixtures.principal(who))).header("Accept-Language", "en").with(csrf())
                .param("channel", channel)
                .param("occurredAt", LocalDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.MINUTES).toString())
                .param("summary", "上门拜访，谈明年框架协议").param("submissionToken", UUID.randomUUID().toString()));
    }

    String page(AppUser who, String path, Object... vars) throws Exception {
        return mvc.perform(get(path, vars).with(user(Fixtures.principal(who))).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString();
    }

    static String north(double metres) {
        return String.valueOf(LATITUDE + metres / METRES_PER_DEGREE);
    }

    /** The visit's check row: verified, reason, check_in_id; null values where there is no row. */
    Map<String, Object> visitCheckOfLatestLog(Customer customer) {
        return jdbc.queryForList("""
                SELECT v.verified, v.reason, v.check_in_id FROM contact_log l
                LEFT JOIN visit_check v ON v.contact_log_id = l.id
                WHERE l.customer_id = ? ORDER BY l.id DESC""", customer.getId()).get(0);
    }

    int checkIns(Customer customer) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM check_in WHERE customer_id = ?", Integer.class,
                customer.getId());
        return n == null ? 0 : n;
    }
}
