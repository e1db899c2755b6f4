package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Password guessing is slowed per account and per address; a sign-in starts a new session. */
@FullStackTest
class LoginThrottleTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    LoginThrottleTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @Test
    void after_five_wrong_passwords_even_the_right_one_is_refused_for_a_while() throws Exception {
        AppUser target = fixtures.user(Role.ACCOUNT_MANAGER);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            String address = "10.0.0." + (i + 1); // from different places: the account counts
            mvc.perform(post("/login").param("username", target.getUsername()).param("password", "guess-" + i)
                            .with(csrf()).with(request -> {
                                request.setRemoteAddr(address);
                                return request;
                            }))
                    .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        }
        mvc.perform(formLogin("/login").user(target.getUsername()).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?throttled")).andExpect(unauthenticated());

        AppUser bystander = fixtures.user(Role.ACCOUNT_MANAGER);
        mvc.perform(formLogin("/login").user(bystander.getUsername()).password(Fixtures.PASSWORD))
                .andExpect(authenticated());

        // every attempt is in the audit log: the guesses with their addresses, the refused one not at all
        assertThat(jdbc.queryForList("SELECT action || ' ' || new_value FROM audit_event WHERE actor = ? "
                + "ORDER BY id", String.class, target.getUsername())).containsExactly("LOGIN_FAILED 10.0.0.1",
                "LOGIN_FAILED 10.0.0.2", "LOGIN_FAILED 10.0.0.3", "LOGIN_FAILED 10.0.0.4", "LOGIN_FAILED 10.0.0.5");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE actor = ?", String.class,
                bystander.getUsername())).containsExactly("LOGIN");
    }

    @Test
    void signing_in_replaces_the_session_so_a_planted_session_id_is_worthless() throws Exception {
        AppUser user = fixtures.user(Role.ACCOUNT_MANAGER);
        MockHttpSession before = (MockHttpSession) mvc.perform(get("/login")).andReturn().getRequest().getSession();
        String plantedId = before.getId();
        MockHttpSession after = (MockHttpSession) mvc.perform(post("/login").param("username", user.getUsername())
                        .param("password", Fixtures.PASSWORD).with(csrf()).session(before))
                .andExpect(authenticated()).andReturn().getRequest().getSession();
        assertThat(after.getId()).isNotEqualTo(plantedId);
    }
}
