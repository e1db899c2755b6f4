package com.keyaccount.crm.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The tier-rule editor as an admin's browser uses it: start a draft, send its form with some
 * fields typed over, publish it and wait for the recompute; and the pages and field errors a
 * test reads. One admin per test.
 */
public final class RuleEditor {

    private final MockMvc mvc;
    private final RuleDrafts drafts;
    private final TierRecompute recompute;
    private final AppUser admin;

    public RuleEditor(MockMvc mvc, RuleDrafts drafts, TierRecompute recompute, AppUser admin) {
        this.mvc = mvc;
        this.drafts = drafts;
        this.recompute = recompute;
        this.admin = admin;
    }

    public long startDraft() throws Exception {
        String location = mvc.perform(post("/admin/rules/drafts").with(user(Fixtures.principal(admin))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The editor's form as the browser would send it (in English), with some fields typed over. */
    public MockHttpServletRequestBuilder save(Document editor, long draft, Map<String, String> typed) {
        return BrowserForms.typedOver(post("/admin/rules/drafts/" + draft).with(user(Fixtures.principal(admin)))
                .with(csrf()).header("Accept-Language", "en"), editor, "form.rule-editor", typed);
    }

    /** The editor page answered to a save that is refused. */
    public Document refused(Document editor, long draft, Map<String, String> typed) throws Exception {
        return Jsoup.parse(mvc.perform(save(editor, draft, typed)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    public void publish(long draft) throws Exception {
        mvc.perform(post("/admin/rules/drafts/" + draft + "/publish").param("draftVersion",
                        Long.toString(drafts.draft(draft).version())).with(user(Fixtures.principal(admin))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Recomputes.awaitIdle(recompute);
    }

    public Document page(AppUser viewer, String path, String language) throws Exception {
        return BrowserForms.page(mvc, viewer, path, language);
    }

    /** The error said beside the field with this id. */
    public static String errorAfter(Document page, String fieldId) {
        return BrowserForms.errorAfter(page, fieldId);
    }
}
