package com.keyaccount.crm.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A02 by the first order (issue 17): a prospect whose first order or payment arrives from the ERP
 * API or a sales import is won, becomes a customer, and its follow-up and tier follow.
 */
@FullStackTest
class ProspectWonByOrdersTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final CustomerService customers;
    private final TierRecompute recompute;
    private final List<Long> withOrders = new ArrayList<>();
    private final List<String> uploaders = new ArrayList<>();

    ProspectWonByOrdersTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, CustomerService customers,
            TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.customers = customers;
        this.recompute = recompute;
    }

    /** Other tests count on being the only ones with revenue in the shared database. */
    @AfterEach
    void removeOrders() throws Exception {
        Recomputes.awaitIdle(recompute);
        for (long id : withOrders) {
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", id);
        }
        uploaders.forEach(who -> Imports.forget(jdbc, who));
    }

    @Test
    void a_prospect_whose_first_order_comes_from_the_erp_is_won_and_its_follow_up_and_tier_follow()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser admin = fixtures.user(Role.ADMIN);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer lead = lead(manager, "9000000");
        mvc.perform(post("/customers/{id}/prospect/move", lead.getId()).param("toStage", "A08").param("version", "")
                .with(user(Fixtures.principal(manager))).with(csrf())).andExpect(status().is3xxRedirection());
        Timestamp scheduled = refreshedAt(lead);

        String client = Fixtures.unique("ERP");
        String token = (String) mvc.perform(post("/admin/api-tokens").param("name", client)
                        .with(user(Fixtures.principal(admin))).with(csrf()))
                .andReturn().getFlashMap().get("issuedToken");
        uploaders.add("api:" + client);
        withOrders.add(lead.getId());
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).content("""
                                {"orders": [{"customerCode": "%s", "orderNo": "FIRST-1", "orderDate": "2026-11-20",
                                  "amount": "8,800"}]}""".formatted(lead.getCode())))
                .andExpect(status().isOk());

        assertThat(statusOf(lead)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForMap("SELECT stage FROM prospect WHERE customer_id = ?", lead.getId()))
                .containsEntry("stage", "A02");
        assertThat(jdbc.queryForMap("SELECT from_stage, changed_by, conditions FROM prospect_stage_change "
                + "WHERE customer_id = ? AND to_stage = 'A02'", lead.getId()))
                .containsEntry("from_stage", "A08").containsEntry("changed_by", "api:" + client)
                .containsEntry("conditions", "purchased");
        assertThat(refreshedAt(lead)).as("the follow-up schedule was refreshed for the new customer")
                .isAfter(scheduled);

        String page = page("/customers/" + lead.getId() + "/prospect", manager, "en");
        assertThat(page).contains("A02 Won", "A08 In scope → A02 Won", "api:" + client,
                "Conditions met: They have bought from us", "An order is on record.");
        String customerPage = page("/customers/" + lead.getId(), manager, "en");
        assertThat(customerPage).contains("Active", "A02 Won");

        Recomputes.awaitIdle(recompute);
        assertThat(jdbc.queryForObject("SELECT computed_tier FROM customer_tier WHERE customer_id = ?", String.class,
                lead.getId())).as("the recompute the push asked for tiers the new customer").isNotNull();
        String audit = page("/audit?customer=" + lead.getCode(), director, "zh-CN");
        assertThat(audit.substring(audit.indexOf("id=\"audit\""))).contains("api:" + client, "开发阶段",
                "A08 范围级", "A02 成交级", "状态", "潜在", "合作中");
    }

    @Test
    void a_sales_import_wins_the_prospects_it_brings_a_first_order_and_leaves_the_rest() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        uploaders.add(director.getUsername());
        Customer buyer = lead(manager, "100000");
        Customer returner = lead(manager, "100000");
        Customer won = lead(manager, "100000");
        Customer untouched = lead(manager, "100000");
        // a prospect won earlier (A02, its status left as it was) is not moved again by more orders
        jdbc.update("INSERT INTO prospect (customer_id, stage, stage_since, version) VALUES (?, 'A02', ?, 0)",
                won.getId(), Timestamp.from(java.time.Instant.parse("2026-01-05T02:00:00Z")));
        withOrders.addAll(List.of(buyer.getId(), returner.getId(), won.getId()));

        String file = "customer_code,order_no,order_date,amount\n"
                + buyer.getCode() + ",SO-1,2026-11-02,1200.00\n"
                + returner.getCode() + ",CN-1,2026-11-03,-300.00\n"
                + won.getCode() + ",SO-9,2026-11-04,500.00\n";
        String result = Imports.upload(mvc, jdbc, director, "sales", file.getBytes(StandardCharsets.UTF_8));
        assertThat(result).contains("All 3 lines imported.");

        assertThat(statusOf(buyer)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT stage FROM prospect WHERE customer_id = ?", String.class,
                buyer.getId())).isEqualTo("A02");
        assertThat(jdbc.queryForObject("SELECT changed_by FROM prospect_stage_change WHERE customer_id = ?",
                String.class, buyer.getId())).isEqualTo(director.getUsername());
        assertThat(statusOf(returner)).as("a credit note is no purchase").isEqualTo("PROSPECT");
        assertThat(jdbc.queryForObject("SELECT stage FROM prospect WHERE customer_id = ?", String.class,
                won.getId())).isEqualTo("A02");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prospect_stage_change WHERE customer_id IN (?, ?, ?)",
                Integer.class, returner.getId(), won.getId(), untouched.getId())).isZero();
        assertThat(statusOf(untouched)).isEqualTo("PROSPECT");

        assertThat(page("/customers/" + buyer.getId() + "/prospect", manager, "zh-CN"))
                .contains("A02 成交级", "A21 资料级 → A02 成交级", "满足的条件：已采购本公司产品");
    }

    private Customer lead(AppUser owner, String annualSales) {
        return customers.create(Fixtures.principal(owner).viewer(), new CustomerProfile(Fixtures.unique("W"),
                Fixtures.unique("待成交客户"), Industry.MANUFACTURING, Region.EAST, new BigDecimal(annualSales), 80,
                "025-1234567", "025-7654321", null, CustomerStatus.PROSPECT, null, false, null, null), null);
    }

    private String statusOf(Customer customer) {
        return jdbc.queryForObject("SELECT status FROM customer WHERE id = ?", String.class, customer.getId());
    }

    private Timestamp refreshedAt(Customer customer) {
        return jdbc.queryForObject("SELECT refreshed_at FROM follow_up WHERE customer_id = ?", Timestamp.class,
                customer.getId());
    }

    private String page(String path, AppUser who, String language) throws Exception {
        return mvc.perform(get(path).with(user(Fixtures.principal(who))).header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
