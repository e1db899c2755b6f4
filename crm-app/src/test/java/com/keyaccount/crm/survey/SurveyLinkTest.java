package com.keyaccount.crm.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.SessionCookie;
import com.keyaccount.crm.survey.application.SurveyLinks;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The customer's personal survey page: reachable without signing in by its token only, one
 * answer per link, expired and unknown links said plainly, submissions rate-limited, and nothing
 * of the customer or the app beyond the customer's name.
 */
@FullStackTest
class SurveyLinkTest {

    /** Each test posts from addresses of its own, so the per-address limit of one never reaches another. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final SurveyLinks links;
    private final JdbcTemplate jdbc;

    SurveyLinkTest(MockMvc mvc, Fixtures fixtures, SurveyLinks links, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.links = links;
        this.jdbc = jdbc;
    }

    private record Made(Customer customer, String token) {
    }

    private Made link() {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(owner, Fixtures.unique("链接客户"));
        return new Made(customer, links.create(Fixtures.principal(owner).viewer(), customer.getId()).token());
    }

    private static MockHttpServletRequestBuilder answers(String token, String address, String overall) {
        return post("/s/" + token).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).param("answers[0].rating", "4").param("answers[1].rating", "4").param("answers[2].rating", "4")
                .param("answers[3].rating", "4").param("answers[4].rating", overall)
                .param("answers[5].rating", "9").param("answers[6].text", "<script>alert('x')</script>");
    }

    private static String address() {
        return "10.18." + (ADDRESSES.incrementAndGet() / 250) + "." + (ADDRESSES.get() % 250 + 1);
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void the_page_opens_without_signing_in_and_shows_only_the_questionnaire_and_the_customers_name() throws Exception {
        Made made = link();
        MvcResult page = mvc.perform(get("/s/" + made.token())).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = body(page);
        assertThat(html).contains(made.customer().getName()).contains("客户满意度调查问卷").contains("推荐");
        // nothing else of the customer (its code, phone, address) nor of the app (menu, search, sign-out)
        assertThat(html).doesNotContain(made.customer().getCode()).doesNotContain("021-12345678")
                .doesNotContain("上海市").doesNotContain("main-menu").doesNotContain("header-search")
                .doesNotContain("/logout").doesNotContain("/customers");
        assertThat(page.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(SessionCookie.of(page.getResponse())).as("no session for a visitor").isNull();
    }

    @Test
    void one_answer_per_link_a_replay_says_it_was_answered_and_text_is_escaped() throws Exception {
        Made made = link();
        MvcResult first = mvc.perform(answers(made.token(), address(), "5")).andReturn();
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(first)).contains("谢谢");
        MvcResult replay = mvc.perform(answers(made.token(), address(), "1")).andReturn();
        assertThat(replay.getResponse().getStatus()).isEqualTo(410);
        assertThat(body(replay)).contains("已经提交过").doesNotContain("Exception");
        assertThat(mvc.perform(get("/s/" + made.token())).andReturn().getResponse().getStatus()).isEqualTo(410);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey_response WHERE customer_id = ?", Long.class,
                made.customer().getId())).isEqualTo(1);
        // the first answer counts: four 4s (75) and an overall 5 (100) → 80.0
        assertThat(jdbc.queryForObject("SELECT score FROM survey_response WHERE customer_id = ?",
                java.math.BigDecimal.class, made.customer().getId())).isEqualByComparingTo("80.0");
        // the customer's page shows the comment as text, never as markup
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String customerPage = body(mvc.perform(get("/customers/" + made.customer().getId())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user(Fixtures.principal(director)))).andReturn());
        assertThat(customerPage).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert(");
    }

    @Test
    void an_expired_link_says_so_in_both_languages_and_takes_no_answer() throws Exception {
        Made made = link();
        jdbc.update("UPDATE survey_link SET expires_at = created_at - INTERVAL '1' DAY WHERE customer_id = ?",
                made.customer().getId());
        MvcResult zh = mvc.perform(get("/s/" + made.token())).andReturn();
        assertThat(zh.getResponse().getStatus()).isEqualTo(410);
        assertThat(body(zh)).contains("链接已过期").doesNotContain(made.customer().getName());
        MvcResult en = mvc.perform(get("/s/" + made.token()).param("lang", "en")).andReturn();
        assertThat(body(en)).contains("Link expired");
        assertThat(mvc.perform(answers(made.token(), address(), "5")).andReturn().getResponse().getStatus())
                .isEqualTo(410);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey_response WHERE customer_id = ?", Long.class,
                made.customer().getId())).isZero();
    }

    @Test
    void an_unknown_or_malformed_token_is_a_plain_404() throws Exception {
        Made made = link();
        String wrong = (made.token().charAt(0) == 'A' ? "B" : "A") + made.token().substring(1);
        for (String token : new String[] {wrong, "abc", "x".repeat(43)}) {
            MvcResult result = mvc.perform(get("/s/" + token).param("lang", "en")).andReturn();
            assertThat(result.getResponse().getStatus()).as(token).isEqualTo(404);
            assertThat(body(result)).contains("Survey not found").doesNotContain("Exception");
        }
        assertThat(mvc.perform(answers(wrong, address(), "5")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void missing_ratings_come_back_with_the_answers_kept_and_nothing_written() throws Exception {
        Made made = link();
        MvcResult result = mvc.perform(post("/s/" + made.token()).with(r -> {
            r.setRemoteAddr(address());
            return r;
        }).param("answers[0].rating", "3").param("answers[1].rating", "7").param("answers[6].text", "交货慢")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(result)).contains("请选择评分").contains("请选择 1 到 5 之间的评分").contains("交货慢");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey_response WHERE customer_id = ?", Long.class,
                made.customer().getId())).isZero();
        // the link still takes the answer
        assertThat(mvc.perform(answers(made.token(), address(), "5")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void a_link_takes_a_few_posts_and_an_address_a_few_more_then_both_are_told_to_wait() throws Exception {
        Made made = link();
        int status = 0;
        for (int i = 0; i < 6; i++) {
            // invalid posts (no ratings) from different addresses, all to one link
            status = mvc.perform(post("/s/" + made.token()).with(r -> {
                r.setRemoteAddr(address());
                return r;
            })).andReturn().getResponse().getStatus();
        }
        assertThat(status).isEqualTo(429);
        String one = address();
        for (int i = 0; i < 21; i++) {
            status = mvc.perform(post("/s/" + java.util.UUID.randomUUID().toString().replace("-", "") + "x".repeat(11))
                    .with(r -> {
                        r.setRemoteAddr(one);
                        return r;
                    })).andReturn().getResponse().getStatus();
        }
        assertThat(status).isEqualTo(429);
    }
}
