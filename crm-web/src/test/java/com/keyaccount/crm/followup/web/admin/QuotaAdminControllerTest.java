package com.keyaccount.crm.followup.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.followup.editor.QuotaPolicyVersion;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.StaleDraftException;
import com.keyaccount.crm.security.CrmUser;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.web.WebSliceTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Saving a quota draft: the quotas' own violations beside their fields, and a stale save refused. */
class QuotaAdminControllerTest extends WebSliceTest {

    private static final CrmUser ADMIN = new CrmUser(1, "admin", "{noop}secret", "管理员", Role.ADMIN, true);

    @BeforeEach
    void aDraftOfTheDefaults() {
        given(quotaDrafts.find(1L)).willReturn(Optional.of(new Draft<>(1, 1, 1, VisitQuotas.DEFAULT, null, "admin", NOW,
                "admin", NOW, 3)));
        given(quotaDrafts.versions()).willReturn(List.of(new QuotaPolicyVersion(1, VisitQuotas.DEFAULT, NOW, "system",
                null)));
    }

    @Test
    void a_save_names_the_version_it_was_typed_over() throws Exception {
        mvc.perform(save("3", Map.of())).andExpect(redirectedUrl("/admin/quotas/drafts/1"));
        verify(quotaDrafts).save(any(), eq(1L), eq(3L), eq(VisitQuotas.DEFAULT), any());
    }

    @Test
    void a_save_over_someone_elses_is_refused_and_keeps_what_was_typed() throws Exception {
        willThrow(new StaleDraftException(1)).given(quotaDrafts).save(any(), eq(1L), eq(2L), any(), any());
        String page = mvc.perform(save("2", Map.of("min_A_ANY_CONTACT", "5"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Someone saved, published or discarded this draft since you opened it.",
                "value=\"5\"", "name=\"draftVersion\" value=\"2\"");
    }

    @Test
    void a_number_out_of_range_is_explained_beside_it_and_nothing_is_saved() throws Exception {
        String page = mvc.perform(save("3", Map.of("max_C_ANY_CONTACT", "1001", "graceDays", "366")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Enter a whole number from 1 to 1000, or leave it blank for no maximum.",
                "Enter a whole number of days from 0 to 365.");
        verify(quotaDrafts, never()).save(any(), anyLong(), any(), any(), any());
    }

    /** The defaults as the editor posts them, some changed, with the version the form was filled in from. */
    private static MockHttpServletRequestBuilder save(String draftVersion, Map<String, String> changed) {
        Map<String, String> fields = new LinkedHashMap<>();
        String[][] defaults = {{"7", "", "30", ""}, {"14", "", "90", ""}, {"30", "4", "", ""}};
        for (Tier tier : List.of(Tier.A, Tier.B, Tier.C)) {
            String[] values = defaults[tier.ordinal()];
            fields.put("min_" + tier + "_ANY_CONTACT", values[0]);
            fields.put("max_" + tier + "_ANY_CONTACT", values[1]);
            fields.put("min_" + tier + "_ON_SITE_VISIT", values[2]);
            fields.put("max_" + tier + "_ON_SITE_VISIT", values[3]);
        }
        fields.put("graceDays", "7");
        fields.put("follows", "TIER");
        fields.put("min_zone_red", "4");
        fields.put("max_zone_red", "");
        fields.put("min_zone_yellow", "15");
        fields.put("max_zone_yellow", "4");
        fields.put("draftVersion", draftVersion);
        fields.putAll(changed);
        MockHttpServletRequestBuilder request = post("/admin/quotas/drafts/1").with(user(ADMIN)).with(csrf())
                .header("Accept-Language", "en");
        fields.forEach(request::param);
        return request;
    }
}
