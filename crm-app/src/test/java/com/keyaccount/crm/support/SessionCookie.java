package com.keyaccount.crm.support;

import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Set;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The session cookie a MockMvc response set. Sessions are in the shared store (Spring Session),
 * not in the mock request, so a test keeps the cookie as a browser does. Under MockMvc Boot takes
 * the application for a war deployment and leaves the cookie Spring Session's own name (SESSION);
 * the running server names it JSESSIONID (server.servlet.session.cookie.name).
 */
public final class SessionCookie {

    private static final Set<String> NAMES = Set.of("JSESSIONID", "SESSION");

    private SessionCookie() {
    }

    /**
     * A session of its own for a test that signs in by {@code with(user(...))}, to carry what a
     * redirect leads to (the login page opens one, for its CSRF token).
     */
    public static Cookie fresh(MockMvc mvc) throws Exception {
        Cookie cookie = of(mvc.perform(MockMvcRequestBuilders.get("/login")).andReturn().getResponse());
        if (cookie == null) {
            throw new AssertionError("the login page opened no session");
        }
        return cookie;
    }

    /** The cookie, or null when the response set none. */
    public static Cookie of(MockHttpServletResponse response) {
        return Arrays.stream(response.getCookies()).filter(c -> NAMES.contains(c.getName())).findFirst().orElse(null);
    }
}
