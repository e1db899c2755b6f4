package com.keyaccount.crm.followup;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.AppUser;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Builds small books for follow-up tests: customers created on a given day, tiers, logged contacts. */
@TestComponent
class FollowUpBook {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final MockMvc mvc;
    private final FollowUpSchedule followUps;

    FollowUpBook(Fixtures fixtures, JdbcTemplate jdbc, MockMvc mvc, FollowUpSchedule followUps) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.mvc = mvc;
        this.followUps = followUps;
    }

    /** A customer that has been on the books since {@code createdOn}, not yet classified, scheduled. */
    Customer customer(AppUser owner, String name, LocalDate createdOn) {
        Customer customer = fixtures.customer(owner, Fixtures.unique(name));
        jdbc.update("UPDATE customer SET created_at = ?, verified_at = ? WHERE id = ?", startOf(createdOn),
                Timestamp.from(FixedClock.NOW), customer.getId());
        followUps.refreshInBatches(List.of(customer.getId()));
        return customer;
    }

    /** Gives the customer a computed tier (as a recompute would), then refreshes its schedule. */
    void classify(Customer customer, String tier) {
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, ?, ?, 1, ?, 0, 0)""", customer.getId(), tier, tier,
                Timestamp.from(FixedClock.NOW));
        followUps.refreshInBatches(List.of(customer.getId()));
    }

    /** Logs a contact through the form, as the owner does on their phone. */
    void logContact(AppUser author, Customer customer, String channel, String occurredAt, String agreedNextOn)
            throws Exception {
        mvc.perform(post("/customers/{id}/logs", customer.getId()).with(user(Fixtures.principal(author))).with(csrf())
                        .param("channel", channel).param("occurredAt", occurredAt)
                        .param("summary", "拜访记录 " + occurredAt)
                        .param("agreedNextOn", agreedNextOn == null ? "" : agreedNextOn)
                        .param("submissionToken", UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection());
    }

    Map<String, Object> followUp(Customer customer) {
        return jdbc.queryForMap("SELECT due_on, due_rule, tier FROM follow_up WHERE customer_id = ?", customer.getId());
    }

    LocalDate dueOn(Customer customer) {
        return jdbc.queryForObject("SELECT due_on FROM follow_up WHERE customer_id = ?", LocalDate.class,
                customer.getId());
    }

    String dueRule(Customer customer) {
        return (String) followUp(customer).get("due_rule");
    }

    static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atTime(LocalTime.of(9, 0)).atZone(SHANGHAI).toInstant());
    }
}
