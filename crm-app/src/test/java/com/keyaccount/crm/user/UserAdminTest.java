package com.keyaccount.crm.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.SessionCookie;
import com.keyaccount.crm.user.application.UserAdministration;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Administrators manage users: the list, the forms and their messages, the rules and the audit trail. */
@FullStackTest
class UserAdminTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final AppUserRepository users;
    private final UserAdministration administration;
    private final JdbcTemplate jdbc;

    UserAdminTest(MockMvc mvc, Fixtures fixtures, AppUserRepository users, UserAdministration administration,
            JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.users = users;
        this.administration = administration;
        this.jdbc = jdbc;
    }

    @Test
    void managers_and_directors_are_turned_away() throws Exception {
        for (Role role : List.of(Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR)) {
            AppUser someone = fixtures.user(role);
            mvc.perform(get("/admin/users").with(user(Fixtures.principal(someone)))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/users/{id}/disable", someone.getId()).with(user(Fixtures.principal(someone)))
                    .with(csrf())).andExpect(status().isForbidden());
            assertThat(users.findById(someone.getId()).orElseThrow().isEnabled()).isTrue();
        }
    }

    @Test
    void the_list_shows_role_region_status_and_customers_owned_and_filters_by_role_and_status() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        fixtures.customer(manager, Fixtures.unique("客户"));
        fixtures.customer(manager, Fixtures.unique("客户"));
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        administration.disable(admin.asViewer(), director.getId());

        String all = page(admin, "/admin/users");
        String managerRow = row(all, manager.getUsername());
        assertThat(managerRow).contains(manager.getDisplayName(), "Account manager", "East China", "Enabled",
                "<td data-label=\"Customers owned\">2</td>");
        assertThat(row(all, director.getUsername())).contains("Sales director", "Disabled");

        assertThat(page(admin, "/admin/users?role=ACCOUNT_MANAGER")).contains(rowOf(manager))
                .doesNotContain(rowOf(director), rowOf(admin));
        assertThat(page(admin, "/admin/users?status=disabled")).contains(rowOf(director))
                .doesNotContain(rowOf(manager), rowOf(admin));
        assertThat(page(admin, "/admin/users?role=SALES_DIRECTOR&status=enabled")).doesNotContain(rowOf(director));
    }

    @Test
    void mistakes_in_the_new_user_form_are_explained_next_to_the_field_and_the_entries_kept() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        AppUser existing = fixtures.user(Role.ACCOUNT_MANAGER);
        long before = users.count();

        String duplicate = newUserForm(admin, existing.getUsername().toUpperCase(), "重名的人", "SALES_DIRECTOR", "");
        assertThat(duplicate).contains("This username is already taken.",
                "value=\"" + existing.getUsername().toUpperCase() + "\"", "value=\"重名的人\"",
                "<option value=\"SALES_DIRECTOR\" selected=\"selected\">");

        String blankName = newUserForm(admin, Fixtures.unique("blank"), "  ", "ACCOUNT_MANAGER", "");
        assertThat(fieldError(blankName, "displayName")).isEqualTo("Required.");

        String username = Fixtures.unique("short");
        String shortPassword = newUserForm(admin, username, "密码太短", "ADMIN", "abc123");
        assertThat(fieldError(shortPassword, "password")).isEqualTo("At least 10 characters.");
        assertThat(shortPassword).contains("value=\"" + username + "\"", "value=\"密码太短\"",
                "<option value=\"ADMIN\" selected=\"selected\">").doesNotContain("abc123");

        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void the_last_enabled_admin_can_be_neither_disabled_nor_demoted() throws Exception {
        AppUser last = fixtures.user(Role.ADMIN);
        AppUser other = fixtures.user(Role.ADMIN);
        List<Long> disabledHere = new ArrayList<>();
        try {
            for (AppUser admin : users.findByRoleAndEnabledTrueOrderByDisplayName(Role.ADMIN)) {
                if (admin.getId() != last.getId().longValue()) {
                    administration.disable(last.asViewer(), admin.getId());
                    disabledHere.add(admin.getId());
                }
            }
            assertThat(users.findByRoleAndEnabledTrueOrderByDisplayName(Role.ADMIN)).extracting(AppUser::getId)
                    .containsExactly(last.getId());
            AppUser before = users.findById(last.getId()).orElseThrow();

            String demoted = mvc.perform(post("/admin/users/{id}", last.getId()).param("displayName", "降级的管理员")
                            .param("role", "ACCOUNT_MANAGER").param("region", "")
                            .param("version", String.valueOf(before.getVersion()))
                            .with(user(Fixtures.principal(last))).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
            assertThat(fieldError(demoted, "role")).startsWith("This is the last enabled administrator");
            assertThat(demoted).contains("value=\"降级的管理员\"");

            // even asked by someone whose admin session outlived their account
            assertThat(refusal(post("/admin/users/{id}/disable", last.getId()), other))
                    .startsWith("This is the last enabled administrator");
            assertThat(refusal(post("/admin/users/{id}/disable", last.getId()), last))
                    .isEqualTo("You cannot disable your own account.");

            AppUser after = users.findById(last.getId()).orElseThrow();
            assertThat(after.isEnabled()).isTrue();
            assertThat(after.getRole()).isEqualTo(Role.ADMIN);
            assertThat(after.getDisplayName()).isEqualTo(before.getDisplayName());
            assertThat(after.getVersion()).isEqualTo(before.getVersion());
        } finally {
            for (long id : disabledHere) {
                administration.enable(last.asViewer(), id);
            }
        }
    }

    @Test
    void a_stale_edit_is_a_conflict_that_keeps_what_was_typed_and_overwrites_nothing() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        long loaded = manager.getVersion();
        mvc.perform(editUser(admin, manager, loaded, "先保存的名字", "ACCOUNT_MANAGER", "EAST"))
                .andExpect(redirectedUrl("/admin/users"));

        String conflict = mvc.perform(editUser(admin, manager, loaded, "后保存的名字", "SALES_DIRECTOR", "NORTH"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("Someone else changed this user", "先保存的名字", "value=\"后保存的名字\"");
        AppUser stored = users.findById(manager.getId()).orElseThrow();
        assertThat(stored.getDisplayName()).isEqualTo("先保存的名字");
        assertThat(stored.getRole()).isEqualTo(Role.ACCOUNT_MANAGER);
    }

    @Test
    void every_change_to_a_user_is_in_the_audit_log_but_never_a_password() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        String username = Fixtures.unique("audited");
        mvc.perform(post("/admin/users").param("username", username).param("displayName", "审计对象")
                .param("role", "ACCOUNT_MANAGER").param("region", "EAST").param("password", "typed-initial-1")
                .with(user(Fixtures.principal(admin))).with(csrf())).andExpect(redirectedUrl("/admin/users"));
        AppUser created = users.findByUsername(username).orElseThrow();
        mvc.perform(editUser(admin, created, created.getVersion(), "审计对象", "SALES_DIRECTOR", "SOUTH"))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(post("/admin/users/{id}/disable", created.getId()).with(user(Fixtures.principal(admin)))
                .with(csrf())).andExpect(redirectedUrl("/admin/users"));
        MvcResult reset = mvc.perform(post("/admin/users/{id}/reset-password", created.getId())
                .with(user(Fixtures.principal(admin))).with(csrf())).andReturn();
        String temporary = (String) reset.getFlashMap().get("temporaryPassword");

        List<String> rows = jdbc.queryForList("SELECT actor || ' ' || action || ' ' || COALESCE(field, '-') || ' ' "
                + "|| COALESCE(old_value, '-') || ' ' || COALESCE(new_value, '-') FROM audit_event "
                + "WHERE entity_type = 'AppUser' AND entity_id = ? ORDER BY id", String.class, created.getId());
        String who = admin.getUsername();
        assertThat(rows).containsExactly(
                who + " CREATE - - -",
                who + " UPDATE role - ACCOUNT_MANAGER",
                who + " UPDATE role ACCOUNT_MANAGER SALES_DIRECTOR",
                who + " UPDATE region EAST SOUTH",
                who + " UPDATE enabled true false",
                who + " PASSWORD_RESET - - -");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE old_value IN (?, ?) OR new_value IN (?, ?)",
                Integer.class, temporary, "typed-initial-1", temporary, "typed-initial-1")).isZero();

        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        assertThat(page(director, "/audit?entityType=AppUser")).contains("<option value=\"AppUser\" selected=\"selected\">",
                "Password reset");
    }

    private String newUserForm(AppUser admin, String username, String displayName, String role, String password)
            throws Exception {
        return mvc.perform(post("/admin/users").param("username", username).param("displayName", displayName)
                        .param("role", role).param("region", "").param("password", password)
                        .with(user(Fixtures.principal(admin))).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder editUser(AppUser admin, AppUser edited, long version, String displayName,
            String role, String region) {
        return post("/admin/users/{id}", edited.getId()).param("displayName", displayName).param("role", role)
                .param("region", region).param("version", String.valueOf(version))
                .with(user(Fixtures.principal(admin))).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "en");
    }

    /** The message the list shows after a refused action. */
    private String refusal(MockHttpServletRequestBuilder action, AppUser asker) throws Exception {
        Cookie browser = SessionCookie.fresh(mvc);
        mvc.perform(action.cookie(browser).with(user(Fixtures.principal(asker))).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        String page = mvc.perform(get("/admin/users").cookie(browser).with(user(Fixtures.principal(asker)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int start = page.indexOf("id=\"refused\">");
        assertThat(start).as("a refusal is shown").isPositive();
        return page.substring(start + "id=\"refused\">".length(), page.indexOf("</p>", start));
    }

    private String page(AppUser viewer, String url) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String rowOf(AppUser user) {
        return "data-user=\"" + user.getUsername() + "\"";
    }

    private static String row(String page, String username) {
        int start = page.indexOf("data-user=\"" + username + "\"");
        assertThat(start).as("row of " + username).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** The text of the error shown under a field. */
    private static String fieldError(String page, String field) {
        int input = page.indexOf("id=\"" + field + "\"");
        assertThat(input).as("field " + field).isPositive();
        int start = page.indexOf("field-error\">", input);
        assertThat(start).as("error under " + field).isPositive();
        return page.substring(start + "field-error\">".length(), page.indexOf("</p>", start));
    }
}
