package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.user.Role;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * A form with photos (a visit, a customer's or a complaint's files) may send more than other forms,
 * up to crm.limits.attachment-body-size; one larger still is not read at all and goes back to its
 * form, which then says so beside the file field (the typed text cannot come back: it was not read).
 */
class AttachmentBodyLimitTest {

    private static final long MB = 1024 * 1024;
    private final BodyLimitFilter filter = new BodyLimitFilter(
            new RequestLimits(null, null, null, null, null, null, null, null, null), new SessionUsers(),
            new LimitPages(messages(), new AcceptHeaderLocaleResolver()));

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        return messages;
    }

    @Test
    void a_visit_with_photos_larger_than_other_forms_passes_to_the_application() throws Exception {
        Answer answer = post("/customers/42/logs", 20 * MB, true);
        assertThat(answer.passed()).isTrue();
    }

    @Test
    void a_form_with_files_past_the_limit_goes_back_to_its_form_unread() throws Exception {
        assertThat(post("/customers/42/logs", 26 * MB, true).location())
                .isEqualTo("/customers/42/logs/new?filesTooLarge=1");
        assertThat(post("/customers/42/files", 26 * MB, true).location())
                .isEqualTo("/customers/42?filesTooLarge=1#files");
        assertThat(post("/complaints/7/files", 26 * MB, true).location())
                .isEqualTo("/complaints/7?filesTooLarge=1#files");
        Answer refused = post("/customers/42/files", 26 * MB, true);
        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.passed()).isFalse();
    }

    @Test
    void without_a_session_or_on_another_route_the_ordinary_limit_holds() throws Exception {
        assertThat(post("/customers/42/logs", 3 * MB, false).status()).isEqualTo(413);
        assertThat(post("/customers/42/logs", MB, false).status()).as("signed out").isEqualTo(401);
        assertThat(post("/customers/42/contacts", 3 * MB, true).status()).isEqualTo(413);
    }

    private record Answer(int status, String location, boolean passed) {
    }

    private Answer post(String path, long length, boolean signedIn) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return length;
            }
        };
        request.setContentType("multipart/form-data; boundary=x");
        if (signedIn) {
            CrmUser user = new CrmUser(1, "zhang", "x", "张伟", Role.ACCOUNT_MANAGER, true);
            MockHttpSession session = new MockHttpSession();
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    new SecurityContextImpl(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities())));
            request.setSession(session);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] passed = {false};
        FilterChain chain = (req, res) -> passed[0] = true;
        filter.doFilter(request, response, chain);
        return new Answer(response.getStatus(), response.getHeader("Location"), passed[0]);
    }
}
