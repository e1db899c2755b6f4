package com.keyaccount.crm.web;

import static com.keyaccount.crm.web.Fixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.sales.SalesSummary;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class LocaleTest extends WebSliceTest {

    @BeforeEach
    void oneCustomer() {
        given(customers.search(any(), any(), any()))
                .willReturn(new PageImpl<>(List.of(Fixtures.customer(1, "上海精密机械有限公司"))));
    }

    private String render(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(MANAGER)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void an_english_browser_gets_english_pages() throws Exception {
        String html = render(get("/customers").header(HttpHeaders.ACCEPT_LANGUAGE, "en"));

        assertThat(html).contains("<html lang=\"en\">", "<h1>Customers</h1>", ">New customer<", ">Log out<",
                "<td data-label=\"Region\"><span>East China</span>");
    }

    @Test
    void a_chinese_browser_gets_chinese_pages() throws Exception {
        String html = render(get("/customers").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"));

        assertThat(html).contains("<html lang=\"zh-CN\">", "<h1>客户</h1>", ">新建客户<", ">退出<",
                "<td data-label=\"区域\"><span>华东</span>");
        assertThat(html).doesNotContain("Customers", "New customer");
    }

    @Test
    void a_browser_asking_for_neither_language_gets_chinese() throws Exception {
        String html = render(get("/customers").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR"));

        assertThat(html).contains("<h1>客户</h1>");
    }

    @Test
    void the_language_switch_is_remembered_in_a_cookie() throws Exception {
        var switched = mvc.perform(get("/customers").param("lang", "en").with(user(MANAGER)))
                .andExpect(status().isOk())
                .andReturn().getResponse();
        Cookie language = switched.getCookie("crm-lang");
        assertThat(language).isNotNull();
        assertThat(switched.getContentAsString()).contains("<h1>Customers</h1>");

        String next = render(get("/customers").cookie(language));
        String withoutCookie = render(get("/customers"));

        assertThat(next).contains("<h1>Customers</h1>");
        assertThat(withoutCookie).contains("<h1>客户</h1>");
    }

    @Test
    void a_switch_to_an_unsupported_language_falls_back_to_english_and_stays_supported() throws Exception {
        var switched = mvc.perform(get("/customers").param("lang", "de").with(user(MANAGER)))
                .andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(switched.getCookie("crm-lang").getValue()).isEqualTo("en");
        assertThat(switched.getContentAsString()).contains("<html lang=\"en\">", "<h1>Customers</h1>");

        var chinese = mvc.perform(get("/customers").param("lang", "zh_TW").with(user(MANAGER)))
                .andReturn().getResponse();
        assertThat(chinese.getCookie("crm-lang").getValue()).isEqualTo("zh-CN");
    }

    @Test
    void a_malformed_language_parameter_is_ignored_rather_than_failing_the_page() throws Exception {
        String html = mvc.perform(get("/customers").param("lang", "x<y").with(user(MANAGER))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>客户</h1>");
    }

    @Test
    void money_is_shown_in_yuan_with_grouping_and_two_decimals_in_chinese() throws Exception {
        Customer customer = Fixtures.customer(1, "上海精密机械有限公司");
        givenDetailPage(customer);
        given(sales.lastTwelveMonths(eq(customer), any()))
                .willReturn(new SalesSummary(new BigDecimal("1234567"), 12, 41.5));

        String html = render(get("/customers/1").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"));

        assertThat(html).containsPattern("<dt>销售额</dt><dd id=\"sales-sales\">¥1,234,567.00</dd>");
    }
}
