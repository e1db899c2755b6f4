package com.keyaccount.crm.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An admin switches the active method by publishing a new policy version; tiers follow it. */
@FullStackTest
class TierPolicyTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final TierPolicyRepository policies;
    private final ZoneId businessZone;

    TierPolicyTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute,
            TierPolicyRepository policies, ZoneId businessZone) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.policies = policies;
        this.businessZone = businessZone;
    }

    @Test
    void publishing_a_scorecard_version_recomputes_every_tier_by_points() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        Customer steady = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("评分卡"));
        LocalDate day = LocalDate.now(businessZone).minusDays(40);
        // 120,000 in 12 months = 10,000 a month → 50 points; paid after 30 days → 30 points; 80 = A
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, due_date, paid_date, created_at)
                VALUES (?, ?, ?, 120000, ?, ?, CURRENT_TIMESTAMP)""", steady.getId(), Fixtures.unique("SO"), day,
                day.plusDays(30), day.plusDays(30));
        int before = policies.findTopByOrderByVersionDesc().orElseThrow().getVersion();
        try {
            mvc.perform(publish(admin, "SCORECARD", "12", "80", "95")).andExpect(redirectedUrl("/tiers"));
            Recomputes.awaitIdle(recompute);

            assertThat(policies.findTopByOrderByVersionDesc().orElseThrow().getVersion()).isEqualTo(before + 1);
            Map<String, Object> tier = jdbc.queryForMap("""
                    SELECT effective_tier, score, score_parts, policy_version FROM customer_tier WHERE customer_id = ?""",
                    steady.getId());
            assertThat(tier).containsEntry("effective_tier", "A").containsEntry("score", 80)
                    .containsEntry("score_parts", "sales=50;payment=30").containsEntry("policy_version", before + 1);
        } finally {
            // leave the database as the other tests expect it: no revenue but theirs, Pareto defaults
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", steady.getId());
            mvc.perform(publish(admin, "PARETO", "12", "80", "95")).andExpect(redirectedUrl("/tiers"));
            Recomputes.awaitIdle(recompute);
        }
    }

    @Test
    void the_admin_form_starts_from_the_rules_in_force() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        String page = mvc.perform(get("/tiers").with(user(Fixtures.principal(admin))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"cutoffAPercent\" name=\"cutoffAPercent\" value=\"80\"",
                "id=\"cutoffBPercent\" name=\"cutoffBPercent\" value=\"95\"",
                "id=\"windowMonths\" name=\"windowMonths\" value=\"12\"");
    }

    @Test
    void cutoffs_out_of_order_are_refused_beside_the_field_and_publish_nothing() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        int before = policies.findTopByOrderByVersionDesc().orElseThrow().getVersion();
        String page = mvc.perform(publish(admin, "PARETO", "12", "95", "80"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Cutoff B must be above cutoff A.", "value=\"95\"");
        assertThat(policies.findTopByOrderByVersionDesc().orElseThrow().getVersion()).isEqualTo(before);
    }

    @Test
    void only_admins_publish_rules() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        int before = policies.findTopByOrderByVersionDesc().orElseThrow().getVersion();
        mvc.perform(publish(director, "HARD_RULES", "12", "80", "95")).andExpect(status().isForbidden());
        assertThat(policies.findTopByOrderByVersionDesc().orElseThrow().getVersion()).isEqualTo(before);
        assertThat(new BigDecimal("0.80")).isEqualByComparingTo(
                policies.findTopByOrderByVersionDesc().orElseThrow().getParetoCutoffA());
    }

    private static MockHttpServletRequestBuilder publish(AppUser who, String method, String window, String a,
            String b) {
        return post("/tiers/policy").with(user(Fixtures.principal(who))).with(csrf())
                .header("Accept-Language", "en")
                .param("method", method).param("windowMonths", window)
                .param("cutoffAPercent", a).param("cutoffBPercent", b).param("note", "test");
    }

}
