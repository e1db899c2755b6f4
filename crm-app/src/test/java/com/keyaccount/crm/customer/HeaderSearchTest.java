package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The search box in the page header: it finds a customer by the pinyin initials of its name, a
 * contact's name or its phone, only within the customers the user may see, and it is on every page.
 */
@FullStackTest
class HeaderSearchTest {

    private static final String COMPANY = "南京嘉禾农业科技有限公司";

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final CustomerService customers;
    private final ContactService contacts;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;

    HeaderSearchTest(MockMvc mvc, Fixtures fixtures, CustomerService customers, ContactService contacts,
            JdbcTemplate jdbc, TierRecompute recompute) {
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.customers = customers;
        this.contacts = contacts;
    }

    @Test
    void a_manager_finds_their_own_customer_by_pinyin_initials_contact_name_and_phone_but_not_another_managers()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        String contactName = Fixtures.unique("钱经理");
        String phone = "025-8" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        // the other manager's customer matches every search as well: only ownership keeps it out
        String mine = create(manager, COMPANY + Fixtures.unique("甲"), phone, contactName);
        String theirs = create(other, COMPANY + Fixtures.unique("乙"), phone, contactName);

        for (String term : List.of("njjh", "NJJHNY", contactName, phone.substring(4))) {
            String page = search(manager, term);
            assertThat(page).as(term).contains(mine).doesNotContain(theirs);
        }
        assertThat(search(other, "njjh")).contains(theirs).doesNotContain(mine);

        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        assertThat(search(director, contactName)).contains(mine, theirs);
    }

    /** Two characters are too few for a trigram index, so they are looked up as a pair of neighbours. */
    @Test
    void two_characters_find_a_name_code_phone_or_contact_but_never_a_pair_across_two_fields() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        String digits = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String first = create(manager, "合众物流有限公司", "HZ" + digits, "025-87771234", "钱明");
        String second = create(manager, "天元重工有限公司", "TY" + digits, null, "孙立");

        assertThat(found(manager, "合众")).as("name").containsExactly(first);
        assertThat(found(manager, "天元")).as("name").containsExactly(second);
        assertThat(found(manager, "hz")).as("code, any case").containsExactly(first);
        assertThat(found(manager, "TY")).as("code").containsExactly(second);
        assertThat(found(manager, "-8")).as("phone").containsExactly(first);
        assertThat(found(manager, "孙立")).as("a contact's name").containsExactly(second);
        assertThat(found(manager, "公司")).containsExactlyInAnyOrder(first, second);
        assertThat(found(manager, "司h")).as("the name's end and the code's start are not neighbours").isEmpty();
        assertThat(found(manager, "%司")).as("a wildcard is a character like any other").isEmpty();
    }

    private List<String> found(AppUser user, String term) throws Exception {
        return Jsoup.parse(search(user, term)).select("table tbody tr td[data-label] a[href^=/customers/]").eachText();
    }

    @Test
    void customers_created_or_renamed_by_an_import_are_found_by_their_new_initials() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        String code = Fixtures.unique("I");
        String before = "华东精密机械" + Fixtures.unique("甲");
        String after = "西南重工" + Fixtures.unique("乙");
        try {
            importCustomer(director, code, before, manager);
            assertThat(search(manager, "hdjmjx")).contains(before);

            importCustomer(director, code, after, manager);
            assertThat(search(manager, "xnzg")).contains(after);
            assertThat(search(manager, "hdjmjx")).doesNotContain(after, before);
        } finally {
            Recomputes.awaitIdle(recompute);
        }
    }

    @Test
    void initials_that_are_not_the_names_find_nothing() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        String mine = create(manager, COMPANY + Fixtures.unique("丙"), null, Fixtures.unique("孙"));
        assertThat(search(manager, "njjh")).contains(mine);
        assertThat(search(manager, "bjjh")).doesNotContain(mine);
    }

    @Test
    void a_two_character_term_finds_the_names_codes_initials_and_contacts_that_contain_it_and_no_others()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        // hex ids (Fixtures.unique) hold none of these pairs, so only the chosen texts can match
        String trading = create(manager, "江宁合众贸易" + Fixtures.unique("甲"), "QZ" + Fixtures.unique(""), null,
                Fixtures.unique("钱"));
        String works = create(manager, "西北重工" + Fixtures.unique("乙"), Fixtures.unique("S"), null,
                "欧阳" + Fixtures.unique("丽"));

        assertThat(search(manager, "合众")).contains(trading).doesNotContain(works);
        assertThat(search(manager, "众合")).doesNotContain(trading, works);
        assertThat(search(manager, "qz")).contains(trading).doesNotContain(works);
        assertThat(search(manager, "jn")).contains(trading).doesNotContain(works);
        assertThat(search(manager, "欧阳")).contains(works).doesNotContain(trading);
        assertThat(search(manager, "西北重")).contains(works).doesNotContain(trading);
    }

    @Test
    void every_role_has_the_labelled_search_box_in_the_header_of_its_pages() throws Exception {
        for (Role role : Role.values()) {
            AppUser user = fixtures.user(role);
            List<String> pages = role == Role.ADMIN ? List.of("/my-day", "/customers", "/dashboard", "/admin")
                    : role == Role.SALES_DIRECTOR ? List.of("/my-day", "/customers", "/dashboard", "/tiers")
                    : List.of("/my-day", "/customers", "/dashboard", "/log-contact");
            for (String path : pages) {
                Document page = Jsoup.parse(mvc.perform(get(path).with(user(Fixtures.principal(user))))
                        .andReturn().getResponse().getContentAsString());
                Element form = page.selectFirst("header form[role=search]");
                assertThat(form).as(role + " " + path).isNotNull();
                assertThat(form.attr("action")).isEqualTo("/customers");
                assertThat(form.attr("method")).isEqualToIgnoringCase("get");
                Element input = form.selectFirst("input[type=search][name=q]");
                assertThat(input).as(role + " " + path).isNotNull();
                Element label = form.selectFirst("label[for=" + input.id() + "]");
                assertThat(label).isNotNull();
                assertThat(label.text()).isNotBlank();
                assertThat(input.attr("placeholder")).isNotBlank();
            }
        }
    }

    private String create(AppUser owner, String name, String phone, String contactName) {
        return create(owner, name, Fixtures.unique("S"), phone, contactName);
    }

    private String create(AppUser owner, String name, String code, String phone, String contactName) {
        CustomerProfile profile = new CustomerProfile(code, name, Industry.AGRICULTURE, Region.EAST,
                new BigDecimal("1000000"), 50, phone, null, "南京市", CustomerStatus.ACTIVE, null, false, null, null);
        Customer customer = customers.create(owner.asViewer(), profile, null);
        contacts.add(owner.asViewer(), customer.getId(), new ContactDetails(contactName, null,
                DecisionRole.DECISION_MAKER, null, null, null, null, null));
        return name;
    }

    private void importCustomer(AppUser director, String code, String name, AppUser owner) throws Exception {
        String file = "code,name,industry,region,owner\r\n" + code + "," + name + ",MANUFACTURING,EAST,"
                + owner.getUsername() + "\r\n";
        assertThat(Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8)))
                .contains("All 1 lines imported.");
    }

    private String search(AppUser user, String term) throws Exception {
        return mvc.perform(get("/customers").param("q", term).with(user(Fixtures.principal(user))))
                .andReturn().getResponse().getContentAsString();
    }
}
