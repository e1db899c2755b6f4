package com.keyaccount.crm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.keyaccount.crm.followup.application.ScheduleRefresh;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.AppUser;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Drives the admin quota and calendar editors through the browser routes, in English. */
@TestComponent
class AdminEditing {

    private final MockMvc mvc;
    private final ScheduleRefresh refresh;

    AdminEditing(MockMvc mvc, ScheduleRefresh refresh) {
        this.mvc = mvc;
        this.refresh = refresh;
    }

    MockHttpServletResponse post(AppUser as, String url, Map<String, String> params) throws Exception {
        return perform(as, url, params).getResponse();
    }

    /** Posts, and answers the flash message key the redirect carries. */
    String postForFlash(AppUser as, String url, Map<String, String> params) throws Exception {
        MvcResult result = perform(as, url, params);
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(302);
        return (String) result.getFlashMap().get("flash");
    }

    private MvcResult perform(AppUser as, String url, Map<String, String> params) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(url).with(user(Fixtures.principal(as))).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "en");
        params.forEach(request::param);
        return mvc.perform(request).andReturn();
    }

    MockHttpServletResponse get(AppUser as, String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url)
                .with(user(Fixtures.principal(as))).header(HttpHeaders.ACCEPT_LANGUAGE, "en")).andReturn().getResponse();
    }

    String page(AppUser as, String url) throws Exception {
        MockHttpServletResponse response = get(as, url);
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The id at the end of a redirect such as /admin/quotas/drafts/12. */
    static long idIn(String redirect) {
        Matcher m = Pattern.compile("/drafts/(\\d+)").matcher(redirect);
        assertThat(m.find()).as(redirect).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The number in the preview table's cell for a tier (A, B, C or total) and shift (earlier, later, unchanged). */
    static int previewCount(String page, String row, String shift) {
        int start = page.indexOf("id=\"preview-" + row + "\"");
        assertThat(start).as("preview row " + row).isPositive();
        Matcher m = Pattern.compile("class=\"" + shift + "\"[^>]*>(\\d+)<").matcher(page.substring(start));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static int newlyOverdue(String page) {
        Matcher m = Pattern.compile("not overdue now\\): (\\d+)").matcher(page);
        assertThat(m.find()).as("newly overdue line").isTrue();
        return Integer.parseInt(m.group(1));
    }

    void awaitRefresh() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (refresh.isRunning() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(refresh.isRunning()).as("schedule refresh finished").isFalse();
    }
}
