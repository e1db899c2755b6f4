package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.Role;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/** The menu each role sees: the links of its work and no others; a visitor sees none. */
@FullStackTest
class MenuByRoleTest {

    private static final List<String> EVERYONE = List.of("/customers", "/log-contact", "/complaints", "/care",
            "/exports");
    private static final List<String> FIELD_WORK = List.of("/my-day", "/customers/new", "/plans", "/dashboard",
            "/attainment", "/targets", "/nine-grid", "/satisfaction", "/lost-customers");
    private static final List<String> MANAGING = List.of("/prospects/funnel", "/tiers", "/imports/customers",
            "/imports/sales", "/audit");

    private final MockMvc mvc;
    private final Fixtures fixtures;

    MenuByRoleTest(MockMvc mvc, Fixtures fixtures) {
        this.mvc = mvc;
        this.fixtures = fixtures;
    }

    @Test
    void each_role_sees_the_links_of_its_work() throws Exception {
        for (Role role : Role.values()) {
            List<String> expected = new ArrayList<>(EVERYONE);
            boolean fieldWork = role != Role.CUSTOMER_SERVICE && role != Role.MARKETING;
            boolean managing = role == Role.SALES_DIRECTOR || role == Role.ADMIN;
            if (fieldWork) {
                expected.addAll(FIELD_WORK);
            }
            if (managing) {
                expected.addAll(MANAGING);
            }
            if (role == Role.ADMIN) {
                expected.add("/admin");
            }
            Document page = page(role);
            assertThat(page.select("nav.menu a").eachAttr("href")).as("%s's menu", role)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(page.select("form.header-search")).as("%s's search box", role).hasSize(1);
            assertThat(page.select(".user-menu")).as("%s's own menu", role).hasSize(1);
            assertThat(page.select(".lang")).as("the visitor's language switch").isEmpty();
        }
    }

    @Test
    void a_visitor_sees_the_language_switch_and_no_menu() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select(".lang a").eachAttr("href")).containsExactly("?lang=zh_CN", "?lang=en");
        assertThat(page.select("nav.menu, form.header-search, .user-menu, .menu-toggler")).isEmpty();
    }

    private Document page(Role role) throws Exception {
        String body = mvc.perform(get("/customers").with(user(Fixtures.principal(fixtures.user(role)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(body);
    }
}
