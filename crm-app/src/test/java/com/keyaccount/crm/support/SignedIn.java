package com.keyaccount.crm.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.user.AppUser;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A browser signed in through the login form under MockMvc: its session cookie. What the
 * application keeps in the session between two requests (the message a redirect leads to, the
 * CSRF token) lives in the shared session store, so a test that follows a redirect sends the
 * cookie, as a browser does.
 */
public final class SignedIn {

    private SignedIn() {
    }

    /** Signs in with {@link Fixtures#PASSWORD}; fails the test if the sign-in is refused. */
    public static Cookie as(MockMvc mvc, AppUser user) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/login").param("username", user.getUsername())
                .param("password", Fixtures.PASSWORD).with(csrf())).andReturn().getResponse();
        Cookie session = SessionCookie.of(response);
        if (!"/".equals(response.getRedirectedUrl()) || session == null) {
            throw new AssertionError("sign-in of " + user.getUsername() + " refused: " + response.getRedirectedUrl());
        }
        return session;
    }
}
