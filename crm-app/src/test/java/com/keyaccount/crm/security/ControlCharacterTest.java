package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.ContactDetails;
import com.keyaccount.crm.customer.ContactService;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.SignedIn;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A NUL (or another control character) typed or pasted into any text field is refused beside the
 * field with what was typed kept, and nothing is saved; PostgreSQL refuses NUL, so before this
 * every such save was a server error (and the customer form said "code already used"). Search
 * boxes drop the character and still answer.
 */
@FullStackTest
class ControlCharacterTest {

    private static final String NUL = "\u0000";
    private static final String REFUSED = "Contains a control character (such as NUL) that cannot be stored.";

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final ContactService contacts;

    ControlCharacterTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, ContactService contacts) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    @Test
    void the_customer_form_refuses_a_nul_beside_the_field_on_create_and_edit() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        String code = Fixtures.unique("NUL");
        MockHttpServletResponse created = send(post("/customers").param("code", code).param("name", "空字符" + NUL + "公司")
                .param("industry", "IT").param("region", "EAST").param("status", "ACTIVE"), manager);
        assertThat(created.getStatus()).isEqualTo(200);
        assertThat(created.getContentAsString()).contains(REFUSED).doesNotContain("already used");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE code = ?", Integer.class, code)).isZero();

        Customer customer = fixtures.customer(manager, Fixtures.unique("控制字符"));
        MockHttpServletResponse edited = send(post("/customers/{id}", customer.getId())
                .param("version", String.valueOf(customer.getVersion())).param("code", customer.getCode())
                .param("name", customer.getName()).param("industry", "IT").param("region", "EAST")
                .param("status", "ACTIVE").param("address", "上海" + NUL), manager);
        assertThat(edited.getStatus()).isEqualTo(200);
        assertThat(edited.getContentAsString()).contains(REFUSED);
        assertThat(jdbc.queryForObject("SELECT address FROM customer WHERE id = ?", String.class, customer.getId()))
                .isEqualTo("上海市");
    }

    @Test
    void the_contact_and_contact_log_forms_refuse_a_nul_and_save_nothing() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("联系人"));
        MockHttpServletResponse added = send(post("/customers/{id}/contacts", customer.getId())
                .param("name", "王" + NUL).param("decisionRole", "USER"), manager);
        assertThat(added.getStatus()).isEqualTo(200);
        assertThat(added.getContentAsString()).contains(REFUSED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact WHERE customer_id = ?", Integer.class,
                customer.getId())).isZero();

        Contact contact = contacts.add(manager.asViewer(), customer.getId(), new ContactDetails("李工", null,
                DecisionRole.USER, null, null, null, null, "原来的备注"));
        MockHttpServletResponse edited = send(post("/customers/{id}/contacts/{c}", customer.getId(), contact.getId())
                .param("name", "李工").param("decisionRole", "USER").param("notes", "第一行\n第二行" + NUL)
                .param("version", String.valueOf(contact.getVersion())), manager);
        assertThat(edited.getStatus()).isEqualTo(200);
        assertThat(edited.getContentAsString()).contains(REFUSED);
        assertThat(jdbc.queryForObject("SELECT notes FROM contact WHERE id = ?", String.class, contact.getId()))
                .isEqualTo("原来的备注");

        MockHttpServletResponse logged = send(post("/customers/{id}/logs", customer.getId())
                .param("submissionToken", UUID.randomUUID().toString()).param("channel", "PHONE")
                .param("occurredAt", "2026-11-20T10:00").param("summary", "谈了" + NUL + "价格"), manager);
        assertThat(logged.getStatus()).isEqualTo(200);
        assertThat(logged.getContentAsString()).contains(REFUSED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_log WHERE customer_id = ?", Integer.class,
                customer.getId())).isZero();
    }

    @Test
    void the_user_and_api_token_forms_refuse_a_nul_and_save_nothing() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        String username = Fixtures.unique("nul");
        MockHttpServletResponse created = send(post("/admin/users").param("username", username)
                .param("displayName", "张" + NUL + "三").param("role", "ACCOUNT_MANAGER").param("region", "EAST")
                .param("password", "typed-initial-1"), admin);
        assertThat(created.getStatus()).isEqualTo(200);
        assertThat(created.getContentAsString()).contains(REFUSED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, username))
                .isZero();

        AppUser edited = fixtures.user(Role.ACCOUNT_MANAGER);
        MockHttpServletResponse renamed = send(post("/admin/users/{id}", edited.getId())
                .param("displayName", "改" + NUL).param("role", "ACCOUNT_MANAGER").param("region", "")
                .param("version", String.valueOf(edited.getVersion())), admin);
        assertThat(renamed.getStatus()).isEqualTo(200);
        assertThat(renamed.getContentAsString()).contains(REFUSED);
        assertThat(jdbc.queryForObject("SELECT display_name FROM app_user WHERE id = ?", String.class,
                edited.getId())).isEqualTo(edited.getDisplayName());

        String tokenName = Fixtures.unique("ERP");
        MockHttpServletResponse token = send(post("/admin/api-tokens").param("name", tokenName + NUL), admin);
        assertThat(token.getStatus()).isEqualTo(200);
        assertThat(token.getContentAsString()).contains(REFUSED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE name LIKE ?", Integer.class,
                tokenName + "%")).isZero();
    }

    @Test
    void reasons_for_reassigning_designating_and_pinning_refuse_a_nul_beside_the_field() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("理由"));

        MvcResult reassigned = perform(post("/customers/reassign").param("ids", customer.getId().toString())
                .param("newOwner", other.getId().toString()).param("reason", "区域" + NUL), director);
        assertThat(reassigned.getFlashMap().get("reassignError")).isEqualTo("PlainText");
        assertThat(jdbc.queryForObject("SELECT owner_id FROM customer WHERE id = ?", Long.class, customer.getId()))
                .isEqualTo(manager.getId());

        Cookie browser = SignedIn.as(mvc, director);
        MvcResult designated = mvc.perform(post("/customers/{id}/designation", customer.getId())
                .param("reason", "战略" + NUL).cookie(browser).with(csrf())).andReturn();
        assertThat(designated.getFlashMap().get("designationError")).isEqualTo("PlainText");
        assertThat(jdbc.queryForObject("SELECT designated_key FROM customer WHERE id = ?", Boolean.class,
                customer.getId())).isFalse();

        MvcResult pinned = perform(post("/customers/{id}/tier-pin", customer.getId()).param("tier", "A")
                .param("reason", "高层" + NUL + "指定").param("until", ""), director);
        assertThat(((Map<?, ?>) pinned.getFlashMap().get("pinErrors")).get("reason")).isEqualTo("PlainText");
        // the error shows on the page the redirect leads to, beside the reason
        String page = mvc.perform(get("/customers/{id}", customer.getId()).cookie(browser)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(REFUSED);
    }

    @Test
    void an_uploaded_file_whose_name_holds_a_nul_is_imported_under_the_name_without_it() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        MvcResult uploaded = mvc.perform(multipart("/imports/sales").file(new MockMultipartFile("file",
                "订单" + NUL + ".csv", "text/csv", "customer_code,order_no,order_date,amount\n".getBytes(
                        StandardCharsets.UTF_8))).with(user(Fixtures.principal(director))).with(csrf())).andReturn();
        assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
        String location = uploaded.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForObject("SELECT file_name FROM data_import WHERE id = ?", String.class, id))
                .isEqualTo("订单.csv");
    }

    @Test
    void search_boxes_with_a_nul_still_answer_the_page() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(manager, Fixtures.unique("搜索"));
        String code = customer.getCode();
        String withNul = code.substring(0, 3) + NUL + code.substring(3);
        assertThat(page(get("/customers").param("q", withNul), manager)).contains(customer.getName());
        assertThat(page(get("/log-contact").param("q", withNul), manager)).contains(customer.getName());
        assertThat(page(get("/audit").param("actor", "a" + NUL).param("customer", NUL), director))
                .isNotEmpty();
    }

    private String page(MockHttpServletRequestBuilder request, AppUser as) throws Exception {
        MockHttpServletResponse response = send(request, as);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, AppUser as) throws Exception {
        return perform(request, as).getResponse();
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, AppUser as) throws Exception {
        return mvc.perform(request.with(user(Fixtures.principal(as))).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")).andReturn();
    }
}
