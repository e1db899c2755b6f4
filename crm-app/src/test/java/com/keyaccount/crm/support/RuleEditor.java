package com.keyaccount.crm.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
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
        MockHttpServletRequestBuilder request = post("/admin/rules/drafts/" + draft)
                .with(user(Fixtures.principal(admin))).with(csrf()).header("Accept-Language", "en");
        Map<String, String> form = new LinkedHashMap<>();
        ((FormElement) editor.selectFirst("form.rule-editor")).formData().forEach(kv -> form.put(kv.key(), kv.value()));
        form.remove("_csrf");
        form.putAll(typed);
        form.forEach(request::param);
        return request;
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
        return Jsoup.parse(mvc.perform(get(path).with(user(Fixtures.principal(viewer)))
                        .header("Accept-Language", language)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    /** The error said beside the field with this id. */
    public static String errorAfter(Document page, String fieldId) {
        return page.getElementById(fieldId).parent().select("p.field-error").stream()
                .filter(p -> p.elementSiblingIndex() > page.getElementById(fieldId).elementSiblingIndex())
                .findFirst().orElseThrow().text();
    }
}
