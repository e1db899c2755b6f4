package com.keyaccount.crm.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@FullStackTest
class TierExportTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final TierRecompute recompute;
    private final TierPolicyRepository policies;

    TierExportTest(MockMvc mvc, Fixtures fixtures, TierRecompute recompute, TierPolicyRepository policies) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.recompute = recompute;
        this.policies = policies;
    }

    @Test
    void a_manager_exports_their_own_tiers_as_excel_friendly_csv() throws Exception {
        AppUser mine = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser theirs = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer tricky = fixtures.customer(mine, "=HYPERLINK(\"x\"),\"上海\"\n第二行");
        Customer other = fixtures.customer(theirs, Fixtures.unique("别人的客户"));
        recompute.run("TEST", "tester");

        MockHttpServletResponse response = mvc.perform(get("/customers/tiers.csv").with(user(Fixtures.principal(mine)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment", ".csv");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);

        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(rows).extracting(r -> r.get("Customer code")).contains(tricky.getCode()).doesNotContain(other.getCode());
        assertThat(rows).allSatisfy(r -> assertThat(r.get("Account manager (login)")).isEqualTo(mine.getUsername()));
        CSVRecord row = rows.stream().filter(r -> r.get("Customer code").equals(tricky.getCode())).findFirst().orElseThrow();
        assertThat(row.get("Company name")).isEqualTo("'=HYPERLINK(\"x\"),\"上海\"\n第二行");
        assertThat(row.get("Tier")).isEqualTo("C");
        assertThat(row.get("Computed tier")).isEqualTo("C");
        assertThat(row.get("Policy version"))
                .isEqualTo(String.valueOf(policies.findTopByOrderByVersionDesc().orElseThrow().getVersion()));
    }
}
