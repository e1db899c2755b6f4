package com.keyaccount.crm.customer.web;

import static com.keyaccount.crm.web.Fixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.mockito.BDDMockito.given;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.tier.CustomerTier;
import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.beans.BeanUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.test.util.ReflectionTestUtils;
import com.keyaccount.crm.web.Fixtures;
import com.keyaccount.crm.web.WebSliceTest;
import org.junit.jupiter.api.Test;

/** Whatever users typed is shown as text, never run as markup. */
class CustomerDetailPageTest extends WebSliceTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @Test
    void a_customer_name_with_markup_is_shown_escaped() throws Exception {
        givenDetailPage(Fixtures.customer(1, "恶意公司" + SCRIPT));

        String html = detailPage(1);

        assertThat(html).contains("<span>恶意公司" + ESCAPED + "</span>");
        assertThat(html).doesNotContain(SCRIPT);
    }

    @Test
    void a_contact_log_summary_with_markup_is_shown_escaped() throws Exception {
        Customer customer = Fixtures.customer(1, "上海精密机械有限公司");
        givenDetailPage(customer, Fixtures.log(10, customer, "客户说：" + SCRIPT));

        String html = detailPage(1);

        assertThat(html).contains("<p class=\"pre\">客户说：" + ESCAPED + "</p>");
        assertThat(html).doesNotContain(SCRIPT);
    }

    @Test
    void a_scorecard_tier_is_explained_by_its_points_per_criterion() throws Exception {
        givenDetailPage(Fixtures.customer(1, "上海精密机械有限公司"));
        CustomerTier tier = BeanUtils.instantiateClass(CustomerTier.class);
        ReflectionTestUtils.setField(tier, "customerId", 1L);
        ReflectionTestUtils.setField(tier, "computedTier", Tier.B);
        ReflectionTestUtils.setField(tier, "effectiveTier", Tier.B);
        ReflectionTestUtils.setField(tier, "policyVersion", 3);
        ReflectionTestUtils.setField(tier, "revenue", BigDecimal.TEN);
        ReflectionTestUtils.setField(tier, "score", 70);
        ReflectionTestUtils.setField(tier, "scoreParts", "sales=50;payment=20");
        given(tiers.tierOf(1L)).willReturn(Optional.of(tier));

        String html = mvc.perform(get("/customers/{id}", 1).with(user(MANAGER))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("B \u2014 70 points (Sales 50 + Payment 20) (policy v3,");
    }

    private String detailPage(long id) throws Exception {
        return mvc.perform(get("/customers/{id}", id).with(user(MANAGER)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
