package com.keyaccount.crm.potential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.PotentialFactors;
import com.keyaccount.crm.customer.PotentialFactorsService;
import com.keyaccount.crm.support.BrowserForms;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Potential by two factors (issue 16, seed 003's 客户级别分值表): the admin turns the table on and
 * scores it; a manager then picks a level of each factor and the table gives the potential; a
 * changed score re-scores those customers, audited.
 */
@FullStackTest
class PotentialFactorsTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final PotentialFactorsService factors;
    private AppUser admin;
    private AppUser manager;
    private Customer customer;

    PotentialFactorsTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, PotentialFactorsService factors) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.factors = factors;
    }

    @BeforeEach
    void people() {
        admin = fixtures.user(Role.ADMIN);
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        customer = fixtures.customer(manager, Fixtures.unique("两因素客户"));
    }

    @AfterEach
    void offAgain() {
        factors.save(admin.asViewer(), PotentialFactors.DEFAULT, factors.current().version());
    }

    @Test
    void picked_levels_give_the_potential_and_a_changed_score_rescores_the_customer() throws Exception {
        assertThat(page(manager, "/customers/" + customer.getId() + "/potential", "en").getElementById("potentialRow"))
                .as("off: the potential is typed as a score").isNull();
        Document table = page(admin, "/admin/potential-factors", "zh-CN");
        assertThat(table.getElementById("rowName.zh").val()).isEqualTo("客户规模");
        assertThat(table.getElementById("scores0").select("option[selected]").val()).isEqualTo("9");
        mvc.perform(save(table, Map.of("enabled", "true"))).andExpect(status().is3xxRedirection());

        Document form = page(manager, "/customers/" + customer.getId() + "/potential", "en");
        assertThat(form.getElementById("potentialRow").select("option").eachText())
                .containsExactly("Not assessed yet", "Large", "Medium", "Small");
        assertThat(form.getElementById("potential")).isNull();
        mvc.perform(assess(Map.of("potentialRow", "0", "potentialColumn", "1", "adoption", "PREFERRED")))
                .andExpect(status().is3xxRedirection());
        assertThat(stored()).containsEntry("potential", 8).containsEntry("potential_row", 0)
                .containsEntry("potential_column", 1);
        assertThat(page(manager, "/customers/" + customer.getId(), "en").getElementById("potential").text())
                .contains("8 (High)", "(Large · Middle)");

        Document scored = page(admin, "/admin/potential-factors", "en");
        mvc.perform(save(scored, Map.of("scores[1]", "6"))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "flash.potential.factors"))
                .andExpect(flash().attribute("rescored", 1));
        assertThat(stored()).containsEntry("potential", 6).containsEntry("potential_row", 0);
        assertThat(jdbc.queryForObject("""
                SELECT old_value || ' -> ' || new_value FROM audit_event WHERE entity_type = 'Customer'
                AND entity_id = ? AND field = 'potential' AND actor = ?""", String.class, customer.getId(),
                admin.getUsername())).isEqualTo("8 -> 6");
    }

    @Test
    void one_level_without_the_other_is_said_beside_the_missing_one_and_nothing_is_saved() throws Exception {
        Document table = page(admin, "/admin/potential-factors", "en");
        mvc.perform(save(table, Map.of("enabled", "true"))).andExpect(status().is3xxRedirection());

        Document answer = Jsoup.parse(mvc.perform(assess(Map.of("potentialRow", "1", "potentialColumn", "",
                "adoption", "SECOND_CHOICE"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(BrowserForms.errorAfter(answer, "potentialColumn")).isEqualTo("Pick a level of both factors, or of neither.");
        assertThat(answer.getElementById("potentialRow").select("option[selected]").val()).isEqualTo("1");
        answer = Jsoup.parse(mvc.perform(assess(Map.of("potentialRow", "7", "potentialColumn", "0")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(BrowserForms.errorAfter(answer, "potentialRow")).isEqualTo("Choose one of the levels.");
        // a form opened while the potential was still typed as a score, sent after the switch
        answer = Jsoup.parse(mvc.perform(assess(Map.of("byFactors", "false", "potential", "7",
                "adoption", "PREFERRED"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(answer.select(".alert-danger").text()).contains("changed how potential is entered");
        assertThat(answer.getElementById("adoption").select("option[selected]").val()).isEqualTo("PREFERRED");
        assertThat(stored()).containsEntry("potential", null).containsEntry("adoption", null);
    }

    @Test
    void a_table_with_a_blank_or_repeated_name_is_refused_beside_the_field_and_nothing_is_saved() throws Exception {
        Document table = page(admin, "/admin/potential-factors", "en");
        long version = factors.current().version();
        Document answer = Jsoup.parse(mvc.perform(save(table, Map.of("enabled", "true", "rowLevels[1].en", "Large",
                "columnName.zh", "", "scores[8]", ""))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(BrowserForms.errorAfter(answer, "rowLevels1.en")).isEqualTo("Another level already has this name.");
        assertThat(BrowserForms.errorAfter(answer, "columnName.zh")).isEqualTo("Give it a name.");
        assertThat(answer.getElementById("scores8").parent().select("p.field-error").text()).isEqualTo("Choose a score.");
        assertThat(answer.getElementById("rowLevels1.en").val()).isEqualTo("Large");
        assertThat(factors.current().version()).isEqualTo(version);
        assertThat(factors.current().factors().enabled()).isFalse();

        // saved by someone else meanwhile: refused, what was typed stays
        mvc.perform(save(table, Map.of("enabled", "true"))).andExpect(status().is3xxRedirection());
        answer = Jsoup.parse(mvc.perform(save(table, Map.of("rowName.en", "Size"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(answer.select(".alert-danger").text()).contains("Someone saved the table while you edited it.");
        assertThat(answer.getElementById("rowName.en").val()).isEqualTo("Size");
    }

    private Map<String, Object> stored() {
        return jdbc.queryForMap("SELECT potential, potential_row, potential_column, adoption FROM customer WHERE id = ?",
                customer.getId());
    }

    private MockHttpServletRequestBuilder assess(Map<String, String> typed) {
        MockHttpServletRequestBuilder request = post("/customers/" + customer.getId() + "/potential")
                .with(user(Fixtures.principal(manager))).with(csrf()).header("Accept-Language", "en");
        typed.forEach(request::param);
        return request;
    }

    /** The table's form as the browser sends it, with some fields typed over ("enabled" ticked or not). */
    private MockHttpServletRequestBuilder save(Document page, Map<String, String> typed) {
        return BrowserForms.typedOver(post("/admin/potential-factors").with(user(Fixtures.principal(admin)))
                .with(csrf()).header("Accept-Language", "en"), page, "form.factors-form", typed);
    }

    private Document page(AppUser viewer, String path, String language) throws Exception {
        return BrowserForms.page(mvc, viewer, path, language);
    }
}
