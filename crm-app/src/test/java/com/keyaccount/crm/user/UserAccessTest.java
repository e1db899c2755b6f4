package com.keyaccount.crm.user;

import static com.keyaccount.crm.user.FormSignIns.refused;
import static com.keyaccount.crm.user.FormSignIns.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What a user notices of an administrator's decisions: a first sign-in that insists on their
 * own password, and a disable or reset that ends the session they have open.
 */
@FullStackTest
class UserAccessTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final AppUserRepository users;

    UserAccessTest(MockMvc mvc, Fixtures fixtures, AppUserRepository users) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.users = users;
    }

    @Test
    void a_new_user_signs_in_with_the_generated_password_and_must_choose_their_own_first() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        Cookie adminBrowser = signIn(mvc, admin.getUsername(), Fixtures.PASSWORD);
        String username = Fixtures.unique("new");
        MvcResult created = mvc.perform(post("/admin/users").param("username", username).param("displayName", "新同事")
                        .param("role", "ACCOUNT_MANAGER").param("region", "EAST").param("password", "")
                        .cookie(adminBrowser).with(csrf()))
                .andExpect(redirectedUrl("/admin/users")).andReturn();
        String temporary = (String) created.getFlashMap().get("temporaryPassword");
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);

        // shown on the page it leads to (kept for it in the admin's session), and never again
        String shown = mvc.perform(get("/admin/users").cookie(adminBrowser).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("Temporary password for " + username, temporary);
        assertThat(adminPage(admin, "/admin/users")).contains(username).doesNotContain(temporary);
        assertThat(mvc.perform(get("/admin/users").cookie(adminBrowser)).andReturn().getResponse()
                .getContentAsString()).contains(username).doesNotContain(temporary);

        Cookie browser = signIn(mvc, username, temporary);
        mvc.perform(get("/").cookie(browser)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/customers").cookie(browser)).andExpect(redirectedUrl("/account/password"));
        String form = mvc.perform(get("/account/password").cookie(browser).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("You are signed in with a temporary password.");

        mvc.perform(post("/account/password").param("current", temporary).param("chosen", "my-own-pass-42")
                        .param("confirmation", "my-own-pass-42").cookie(browser).with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(browser)).andExpect(redirectedUrl("/my-day"));
        mvc.perform(get("/my-day").cookie(browser)).andExpect(status().isOk());

        assertThat(refused(mvc, username, temporary)).isTrue();
        Cookie again = signIn(mvc, username, "my-own-pass-42");
        mvc.perform(get("/my-day").cookie(again)).andExpect(status().isOk());
    }

    @Test
    void a_password_the_admin_typed_must_be_changed_at_first_sign_in_too() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        String username = Fixtures.unique("typed");
        MvcResult created = mvc.perform(post("/admin/users").param("username", username).param("displayName", "王总监")
                        .param("role", "SALES_DIRECTOR").param("region", "").param("password", "given-by-admin")
                        .with(user(Fixtures.principal(admin))).with(csrf()))
                .andExpect(redirectedUrl("/admin/users")).andReturn();
        assertThat(created.getFlashMap().get("temporaryPassword")).isNull();

        Cookie browser = signIn(mvc, username, "given-by-admin");
        mvc.perform(get("/dashboard").cookie(browser)).andExpect(redirectedUrl("/account/password"));
        AppUser stored = users.findByUsername(username).orElseThrow();
        assertThat(stored.getRole()).isEqualTo(Role.SALES_DIRECTOR);
        assertThat(stored.getRegion()).isNull();
    }

    @Test
    void disabling_a_user_ends_their_open_session_at_once_and_stops_them_signing_in() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Cookie browser = signIn(mvc, manager.getUsername(), Fixtures.PASSWORD);
        mvc.perform(get("/my-day").cookie(browser)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/{id}/disable", manager.getId()).with(user(Fixtures.principal(admin)))
                .with(csrf())).andExpect(redirectedUrl("/admin/users"));

        mvc.perform(get("/my-day").cookie(browser)).andExpect(redirectedUrl("/login?ended"));
        assertThat(refused(mvc, manager.getUsername(), Fixtures.PASSWORD)).isTrue();

        // enabled again, the same password works again
        mvc.perform(post("/admin/users/{id}/enable", manager.getId()).with(user(Fixtures.principal(admin)))
                .with(csrf())).andExpect(redirectedUrl("/admin/users"));
        Cookie back = signIn(mvc, manager.getUsername(), Fixtures.PASSWORD);
        mvc.perform(get("/my-day").cookie(back)).andExpect(status().isOk());
    }

    @Test
    void a_reset_ends_the_session_the_old_password_fails_and_the_temporary_one_forces_a_change() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Cookie browser = signIn(mvc, manager.getUsername(), Fixtures.PASSWORD);
        AppUser bystander = fixtures.user(Role.ACCOUNT_MANAGER);
        Cookie bystanderBrowser = signIn(mvc, bystander.getUsername(), Fixtures.PASSWORD);

        MvcResult reset = mvc.perform(post("/admin/users/{id}/reset-password", manager.getId())
                .with(user(Fixtures.principal(admin))).with(csrf())).andExpect(redirectedUrl("/admin/users"))
                .andReturn();
        String temporary = (String) reset.getFlashMap().get("temporaryPassword");
        assertThat(temporary).isNotBlank();

        mvc.perform(get("/my-day").cookie(browser)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(get("/my-day").cookie(bystanderBrowser)).andExpect(status().isOk());
        assertThat(refused(mvc, manager.getUsername(), Fixtures.PASSWORD)).isTrue();
        Cookie fresh = signIn(mvc, manager.getUsername(), temporary);
        mvc.perform(get("/my-day").cookie(fresh)).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void a_new_role_takes_effect_at_once_the_open_session_ends_and_the_next_sign_in_has_it() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Cookie browser = signIn(mvc, director.getUsername(), Fixtures.PASSWORD);
        mvc.perform(get("/audit").cookie(browser)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/{id}", director.getId()).param("displayName", director.getDisplayName())
                        .param("role", "ACCOUNT_MANAGER").param("region", "EAST")
                        .param("version", String.valueOf(director.getVersion()))
                        .with(user(Fixtures.principal(admin))).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));

        mvc.perform(get("/audit").cookie(browser)).andExpect(redirectedUrl("/login?ended"));
        Cookie demoted = signIn(mvc, director.getUsername(), Fixtures.PASSWORD);
        mvc.perform(get("/audit").cookie(demoted)).andExpect(status().isForbidden());
    }

    @Test
    void users_created_outside_the_console_are_not_sent_to_the_password_form() throws Exception {
        // the first administrator comes from the environment, like the demo book's users
        assertThat(users.findByUsername("test-admin").orElseThrow().isPasswordChangeRequired()).isFalse();
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Cookie browser = signIn(mvc, manager.getUsername(), Fixtures.PASSWORD);
        mvc.perform(get("/my-day").cookie(browser)).andExpect(status().isOk());
    }

    @Test
    void changing_the_password_is_explained_field_by_field_when_it_cannot_be_done() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Cookie browser = signIn(mvc, manager.getUsername(), Fixtures.PASSWORD);

        assertThat(passwordForm(browser, "wrong-current", "long-enough-1", "long-enough-1"))
                .contains("This is not your current password.");
        assertThat(passwordForm(browser, Fixtures.PASSWORD, "short", "short")).contains("At least 10 characters.");
        assertThat(passwordForm(browser, Fixtures.PASSWORD, Fixtures.PASSWORD, Fixtures.PASSWORD))
                .contains("The new password must differ from the current one.");
        assertThat(passwordForm(browser, Fixtures.PASSWORD, "long-enough-1", "long-enough-2"))
                .contains("The two entries differ.");
        assertThat(refused(mvc, manager.getUsername(), "long-enough-1")).isTrue();

        // a voluntary change: this session carries on, one left open on another device ends
        Cookie otherDevice = signIn(mvc, manager.getUsername(), Fixtures.PASSWORD);
        mvc.perform(post("/account/password").param("current", Fixtures.PASSWORD).param("chosen", "long-enough-1")
                .param("confirmation", "long-enough-1").cookie(browser).with(csrf())).andExpect(redirectedUrl("/"));
        mvc.perform(get("/my-day").cookie(browser)).andExpect(status().isOk());
        mvc.perform(get("/my-day").cookie(otherDevice)).andExpect(redirectedUrl("/login?ended"));
        assertThat(refused(mvc, manager.getUsername(), Fixtures.PASSWORD)).isTrue();
        signIn(mvc, manager.getUsername(), "long-enough-1");
    }

    private String passwordForm(Cookie browser, String current, String chosen, String confirmation)
            throws Exception {
        String page = mvc.perform(post("/account/password").param("current", current).param("chosen", chosen)
                        .param("confirmation", confirmation).cookie(browser).with(csrf())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // what was typed is not sent back into the page
        assertThat(page).doesNotContain("value=\"" + current).doesNotContain("value=\"" + chosen);
        return page;
    }

    private String adminPage(AppUser admin, String url) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(admin))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
