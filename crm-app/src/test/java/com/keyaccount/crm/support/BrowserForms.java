package com.keyaccount.crm.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.user.AppUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Pages and forms as a browser reads and sends them: the tests of the admin editors share these. */
public final class BrowserForms {

    private BrowserForms() {
    }

    /** The page at {@code path} as {@code viewer} sees it in {@code language}. */
    public static Document page(MockMvc mvc, AppUser viewer, String path, String language) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(Fixtures.principal(viewer)))
                        .header("Accept-Language", language)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    /** {@code request} with every field of the page's form as it stands, some typed over (the CSRF token is the request's own). */
    public static MockHttpServletRequestBuilder typedOver(MockHttpServletRequestBuilder request, Document page,
            String formSelector, Map<String, String> typed) {
        Map<String, String> form = new LinkedHashMap<>();
        ((FormElement) page.selectFirst(formSelector)).formData().forEach(kv -> form.put(kv.key(), kv.value()));
        form.remove("_csrf");
        form.putAll(typed);
        form.forEach(request::param);
        return request;
    }

    /** The error said beside the field with this id. */
    public static String errorAfter(Document page, String fieldId) {
        return page.getElementById(fieldId).parent().select("p.field-error").stream()
                .filter(p -> p.elementSiblingIndex() > page.getElementById(fieldId).elementSiblingIndex())
                .findFirst().orElseThrow().text();
    }
}
