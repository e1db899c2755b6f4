package com.keyaccount.crm.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the phone's outbox relies on (issue 23): the log form answers a script in JSON on the same
 * URL — saved, saved before (the same one-time token: still one row), refused with the messages
 * beside each field, or gone (another manager's customer, exactly like a missing one) — while a
 * browser's form post still gets its page; the session answer; the manifest and service worker
 * open to all; every signed-in page marked with its user.
 */
@FullStackTest
class OfflineLoggingTest {

    private static final String SUMMARY = "在仓库地下室上门拜访，确认下季度备货计划";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private AppUser manager;
    private Customer customer;

    OfflineLoggingTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void aManagersCustomer() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        customer = fixtures.customer(manager, Fixtures.unique("地下仓库客户"));
    }

    /** The log form as the outbox sends it: the form's fields, asking for JSON, in English. */
    private MockHttpServletRequestBuilder scriptPost(long customerId, String token, String summary, AppUser as) {
        String anHourAgo = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(1).format(MINUTES);
        return post("/customers/" + customerId + "/logs").with(user(Fixtures.principal(as))).with(csrf())
                .accept(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                .param("channel", "VISIT").param("occurredAt", anHourAgo).param("summary", summary)
                .param("outcome", "").param("nextStep", "").param("agreedNextOn", "")
                .param("submissionToken", token);
    }

    private int logsOf(Customer c) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM contact_log WHERE customer_id = ?", Integer.class, c.getId());
    }

    @Test
    void a_log_sent_by_the_outbox_is_saved_and_answered_in_json_with_where_the_page_would_go() throws Exception {
        mvc.perform(scriptPost(customer.getId(), UUID.randomUUID().toString(), SUMMARY, manager))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value("created"))
                .andExpect(jsonPath("$.location").value("/customers/" + customer.getId() + "#timeline"))
                .andExpect(jsonPath("$.message").value("Contact logged."))
                // the page the script opens next says so, as after the form's own redirect
                .andExpect(flash().attribute("flash", "flash.log.created"));

        assertThat(jdbc.queryForObject("SELECT summary FROM contact_log WHERE customer_id = ?", String.class,
                customer.getId())).isEqualTo(SUMMARY);
    }

    @Test
    void the_same_entry_sent_again_answers_saved_before_and_stays_one_log() throws Exception {
        String token = UUID.randomUUID().toString();
        mvc.perform(scriptPost(customer.getId(), token, SUMMARY, manager))
                .andExpect(jsonPath("$.status").value("created"));
        // the answer was lost on the way back; the outbox sends the entry again
        mvc.perform(scriptPost(customer.getId(), token, SUMMARY, manager))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("duplicate"))
                .andExpect(jsonPath("$.message").value("This contact was already logged; it was not saved twice."));

        assertThat(logsOf(customer)).isEqualTo(1);
    }

    @Test
    void a_refused_field_comes_back_with_its_message_and_nothing_is_saved() throws Exception {
        mvc.perform(scriptPost(customer.getId(), UUID.randomUUID().toString(), "   ", manager))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value("invalid"))
                .andExpect(jsonPath("$.message").value("Please correct the marked fields."))
                .andExpect(jsonPath("$.fieldErrors.summary[0]").value("Required."))
                .andExpect(jsonPath("$.fieldErrors.channel").doesNotExist());

        assertThat(logsOf(customer)).isZero();
    }

    @Test
    void a_customer_reassigned_meanwhile_answers_gone_exactly_like_a_missing_one_and_nothing_is_saved()
            throws Exception {
        AppUser colleague = fixtures.user(Role.ACCOUNT_MANAGER);
        jdbc.update("UPDATE customer SET owner_id = ? WHERE id = ?", colleague.getId(), customer.getId());

        String reassigned = mvc.perform(scriptPost(customer.getId(), UUID.randomUUID().toString(), SUMMARY, manager))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value("gone"))
                .andExpect(jsonPath("$.message").value("Not sent: this customer is no longer in your book."))
                .andReturn().getResponse().getContentAsString();
        String missing = mvc.perform(scriptPost(987_654_321L, UUID.randomUUID().toString(), SUMMARY, manager))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(reassigned).isEqualTo(missing);
        assertThat(logsOf(customer)).isZero();
    }

    @Test
    void a_browsers_own_form_post_still_gets_the_redirect_and_the_page() throws Exception {
        mvc.perform(scriptPost(customer.getId(), UUID.randomUUID().toString(), SUMMARY, manager)
                        .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML, MediaType.ALL))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/customers/" + customer.getId() + "#timeline"));
        mvc.perform(scriptPost(customer.getId(), UUID.randomUUID().toString(), "", manager)
                        .accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Please correct the marked fields.")));

        assertThat(logsOf(customer)).isEqualTo(1);
    }

    @Test
    void the_session_answer_names_the_signed_in_user_as_their_pages_do_and_gives_a_csrf_token() throws Exception {
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        String marker = mvc.perform(get("/outbox/session").with(user(Fixtures.principal(manager)))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.csrfParameter").value("_csrf"))
                .andExpect(jsonPath("$.csrfToken").isNotEmpty())
                .andReturn().getResponse().getHeader("Crm-User");

        assertThat(marker).matches("[0-9a-f]{24}");
        mvc.perform(get("/outbox/session").with(user(Fixtures.principal(manager))).accept(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.user").value(marker));
        mvc.perform(get("/customers/" + customer.getId()).with(user(Fixtures.principal(manager))))
                .andExpect(header().string("Crm-User", marker))
                .andExpect(content().string(containsString("<meta name=\"crm-user\" content=\"" + marker + "\"")))
                // the service worker marks a page it serves from the phone by rewriting exactly this
                .andExpect(content().string(containsString("<meta name=\"crm-page-source\" content=\"network\"")));
        mvc.perform(get("/outbox/session").with(user(Fixtures.principal(other))).accept(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.user").value(not(marker)));
        // nobody signed in: the sign-in page, which the script reads as "sign in to send"
        mvc.perform(get("/outbox/session").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Crm-User"))
                .andExpect(content().string(not(containsString("name=\"crm-user\""))));
    }

    @Test
    void the_manifest_and_the_service_worker_are_served_without_signing_in() throws Exception {
        mvc.perform(get("/manifest.webmanifest").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/manifest+json"))
                .andExpect(jsonPath("$.name").value("重点客户管理系统"))
                .andExpect(jsonPath("$.start_url").value("my-day"))
                .andExpect(jsonPath("$.display").value("standalone"))
                .andExpect(jsonPath("$.theme_color").value("#1c5fa8"))
                .andExpect(jsonPath("$.icons[0].src").value("icons/icon-192.png"));
        mvc.perform(get("/manifest.webmanifest").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.name").value("Key-account CRM"));
        mvc.perform(get("/icons/icon-192.png")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.IMAGE_PNG));

        String script = mvc.perform(get("/sw.js"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andReturn().getResponse().getContentAsString();
        assertThat(script).contains("const VERSION = '").doesNotContain("@VERSION@");
        mvc.perform(get("/offline").header("Accept-Language", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("No connection")))
                .andExpect(content().string(not(containsString("name=\"crm-user\""))));
    }
}
