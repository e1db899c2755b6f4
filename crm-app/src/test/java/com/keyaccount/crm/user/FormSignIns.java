package com.keyaccount.crm.user;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.support.SessionCookie;
import jakarta.servlet.http.Cookie;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Real form sign-ins, each from its own address: the login throttle counts failures per
 * address, and these tests fail some on purpose without starving other tests of sign-ins.
 */
final class FormSignIns {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private FormSignIns() {
    }

    static MvcResult attempt(MockMvc mvc, String username, String password) throws Exception {
        String address = "10.77." + (ADDRESSES.incrementAndGet() / 250) + "." + (ADDRESSES.get() % 250 + 1);
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn();
    }

    /**
     * Signs in and returns the browser's session cookie (the session itself is in the shared
     * store); fails the test if the sign-in is refused.
     */
    static Cookie signIn(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = attempt(mvc, username, password);
        if (!"/".equals(result.getResponse().getRedirectedUrl())) {
            throw new AssertionError("sign-in of " + username + " refused: " + result.getResponse().getRedirectedUrl());
        }
        Cookie session = SessionCookie.of(result.getResponse());
        if (session == null) {
            throw new AssertionError("sign-in of " + username + " set no session cookie");
        }
        return session;
    }

    static boolean refused(MockMvc mvc, String username, String password) throws Exception {
        return "/login?error".equals(attempt(mvc, username, password).getResponse().getRedirectedUrl());
    }
}
