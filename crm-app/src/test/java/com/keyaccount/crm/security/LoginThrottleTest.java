package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Instances;
import com.keyaccount.crm.support.SessionCookie;
import com.keyaccount.crm.support.SettableClock;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Password guessing is slowed down per (username, address), and per address across usernames,
 * with a wait that grows and expires, never a lock; state in the database. Every sign-in here is
 * a real form POST through the whole security chain, from an address of the test's own, with
 * the application's clock moved instead of waited for.
 */
@FullStackTest
@Import(SettableClock.Config.class)
@TestPropertySource(properties = SettableClock.SMALL_POOL)
class LoginThrottleTest {

    /** The README's numbers: free failures per pair and per address, the longest wait. */
    private static final int FREE_PER_PAIR = 3;
    private static final int FREE_PER_ADDRESS = 50;
    private static final Duration LONGEST = Duration.ofSeconds(30);

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final SettableClock clock;

    LoginThrottleTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, SettableClock clock) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @BeforeEach
    void now() {
        clock.setToNow();
    }

    @Test
    void guesses_for_the_director_from_one_address_do_not_keep_the_director_out_from_another() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String attacker = freshAddress();
        guessUntilTheLongestWait(director, attacker);

        assertThat(attempt(director.getUsername(), Fixtures.PASSWORD, attacker)).isEqualTo("/login?wait=30");
        assertThat(attempt(director.getUsername(), Fixtures.PASSWORD, freshAddress())).isEqualTo("/");
    }

    @Test
    void each_further_failure_from_one_address_waits_longer_up_to_half_a_minute() throws Exception {
        AppUser user = fixtures.user(Role.ACCOUNT_MANAGER);
        String address = freshAddress();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(attempt(user.getUsername(), "guess-" + i, address));
            clock.advance(LONGEST);
        }
        assertThat(answers).containsExactly("/login?error", "/login?error", "/login?error",
                "/login?error&wait=1", "/login?error&wait=2", "/login?error&wait=4", "/login?error&wait=8",
                "/login?error&wait=16", "/login?error&wait=30", "/login?error&wait=30");
        // every failure is in the audit log with its address
        assertThat(jdbc.queryForList("SELECT new_value FROM audit_event WHERE actor = ? AND action = 'LOGIN_FAILED'",
                String.class, user.getUsername())).hasSize(10).containsOnly(address);
    }

    @Test
    void the_wait_expires_and_then_the_right_password_signs_in_and_starts_the_pair_afresh() throws Exception {
        AppUser user = fixtures.user(Role.ACCOUNT_MANAGER);
        String address = freshAddress();
        guessUntilTheLongestWait(user, address);

        // during the wait even the right password is turned away unchecked, and not counted
        assertThat(attempt(user.getUsername(), Fixtures.PASSWORD, address)).isEqualTo("/login?wait=30");
        clock.advance(LONGEST.minusSeconds(1));
        assertThat(attempt(user.getUsername(), Fixtures.PASSWORD, address)).isEqualTo("/login?wait=1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempt(user.getUsername(), Fixtures.PASSWORD, address)).isEqualTo("/");

        assertThat(attempt(user.getUsername(), "a typo", address)).as("the next slip is free again")
                .isEqualTo("/login?error");
    }

    @Test
    void the_login_page_says_how_long_to_wait_in_both_languages() throws Exception {
        assertThat(loginPage("/login?wait=30", "zh-CN")).contains("请 30 秒后再试");
        assertThat(loginPage("/login?error&wait=1", "en")).contains("Wrong username or password.",
                "Please try again in 1 second.");
        // the number is in the URL, so anyone can edit it: nonsense is not repeated
        assertThat(loginPage("/login?wait=99999", "en")).doesNotContain("try again in");
        assertThat(loginPage("/login?wait=-5", "en")).doesNotContain("try again in");
        assertThat(loginPage("/login?wait=soon", "en")).doesNotContain("try again in");
    }

    @Test
    void an_address_failing_for_many_usernames_waits_for_every_username_but_only_that_address() throws Exception {
        String stuffer = freshAddress();
        String names = Fixtures.unique("list");
        for (int i = 1; i <= FREE_PER_ADDRESS; i++) {
            assertThat(attempt(names + "-" + i, "Spring2026!", stuffer)).as("failure %d", i).isEqualTo("/login?error");
        }
        assertThat(attempt(names + "-51", "Spring2026!", stuffer)).isEqualTo("/login?error&wait=1");

        AppUser user = fixtures.user(Role.ACCOUNT_MANAGER);
        assertThat(attempt(user.getUsername(), Fixtures.PASSWORD, stuffer)).isEqualTo("/login?wait=1");
        assertThat(attempt(user.getUsername(), Fixtures.PASSWORD, freshAddress())).isEqualTo("/");

        clock.advance(Duration.ofSeconds(1));
        assertThat(attempt(names + "-52", "Spring2026!", stuffer)).as("each further failure doubles the wait")
                .isEqualTo("/login?error&wait=2");
        clock.advance(Duration.ofSeconds(2));
        assertThat(attempt(user.getUsername(), Fixtures.PASSWORD, stuffer)).as("a wait, not a lock").isEqualTo("/");
    }

    @Test
    void an_administrator_clears_a_users_waits_from_the_edit_page_and_it_is_audited() throws Exception {
        AppUser user = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser admin = fixtures.user(Role.ADMIN);
        String address = freshAddress();
        guessUntilTheLongestWait(user, address);

        String page = mvc.perform(get("/admin/users/{id}/edit", user.getId()).with(user(Fixtures.principal(admin))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("过去一小时内从 1 个地址登录失败 9 次",
                "action=\"/admin/users/" + user.getId() + "/clear-sign-in-delays\"");

        mvc.perform(post("/admin/users/{id}/clear-sign-in-delays", user.getId())
                        .with(user(Fixtures.principal(admin))).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + user.getId() + "/edit"))
                .andExpect(flash().attribute("flash", "flash.user.signInDelaysCleared"));

        assertThat(attempt(user.getUsername(), Fixtures.PASSWORD, address)).isEqualTo("/");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE actor = ? AND entity_id = ?",
                String.class, admin.getUsername(), user.getId())).containsExactly("SIGN_IN_DELAYS_CLEARED");
    }

    @Test
    void a_password_reset_lifts_the_wait_so_the_temporary_password_works_at_once() throws Exception {
        AppUser user = fixtures.user(Role.SALES_DIRECTOR);
        AppUser admin = fixtures.user(Role.ADMIN);
        String address = freshAddress();
        guessUntilTheLongestWait(user, address);

        MvcResult reset = mvc.perform(post("/admin/users/{id}/reset-password", user.getId())
                .with(user(Fixtures.principal(admin))).with(csrf())).andReturn();
        String temporary = (String) reset.getFlashMap().get("temporaryPassword");

        assertThat(attempt(user.getUsername(), temporary, address)).isEqualTo("/");
    }

    @Test
    void the_waits_live_in_the_database_so_every_instance_counts_and_obeys_the_same_ones() throws Exception {
        AppUser user = fixtures.user(Role.ACCOUNT_MANAGER);
        String address = freshAddress();
        for (int i = 0; i <= FREE_PER_PAIR; i++) {
            attempt(user.getUsername(), "guess-" + i, address);
        }
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT failures, next_allowed_at FROM sign_in_failure WHERE username = ? AND address = ?""",
                user.getUsername().toLowerCase(Locale.ROOT), address);
        assertThat(((Number) row.get("failures")).intValue()).isEqualTo(FREE_PER_PAIR + 1);

        // what another instance wrote, this one obeys: four failures there, the fifth here waits 2 s
        String elsewhere = freshAddress();
        jdbc.update("""
                INSERT INTO sign_in_failure (username, address, failures, last_failure_at, next_allowed_at)
                VALUES (?, ?, 4, ?, ?)""", user.getUsername().toLowerCase(Locale.ROOT), elsewhere,
                java.sql.Timestamp.from(clock.now()), java.sql.Timestamp.from(clock.now().plusSeconds(1)));
        assertThat(attempt(user.getUsername(), Fixtures.PASSWORD, elsewhere)).isEqualTo("/login?wait=1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempt(user.getUsername(), "guess", elsewhere)).isEqualTo("/login?error&wait=2");
    }

    @Test
    void a_second_instance_on_the_same_database_obeys_the_waits_counted_here_and_counts_its_own() throws Exception {
        AppUser user = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser colleague = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser admin = fixtures.user(Role.ADMIN);
        String loopback = "127.0.0.1"; // where real HTTP to the second instance comes from
        try (ConfigurableApplicationContext second = startAnotherInstance()) {
            int port = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

            guessUntilTheLongestWait(user, loopback);
            assertThat(HttpSignIn.attempt(port, user.getUsername(), Fixtures.PASSWORD)).contains("/login?wait=");

            for (int i = 0; i <= FREE_PER_PAIR; i++) {
                assertThat(HttpSignIn.attempt(port, colleague.getUsername(), "guess-" + i)).contains("/login?error");
            }
            assertThat(attempt(colleague.getUsername(), "guess", loopback)).as("the fifth failure, counted here")
                    .isEqualTo("/login?error&wait=2");

            mvc.perform(post("/admin/users/{id}/clear-sign-in-delays", user.getId())
                    .with(user(Fixtures.principal(admin))).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(HttpSignIn.attempt(port, user.getUsername(), Fixtures.PASSWORD)).doesNotContain("/login");
        }
    }

    @Test
    void signing_in_replaces_the_session_so_a_planted_session_id_is_worthless() throws Exception {
        AppUser user = fixtures.user(Role.ACCOUNT_MANAGER);
        Cookie planted = SessionCookie.of(mvc.perform(get("/login")).andReturn().getResponse());
        assertThat(planted).as("the login page's session, with its CSRF token").isNotNull();
        Cookie after = SessionCookie.of(mvc.perform(post("/login").param("username", user.getUsername())
                        .param("password", Fixtures.PASSWORD).with(csrf()).cookie(planted))
                .andExpect(redirectedUrl("/")).andReturn().getResponse());
        assertThat(after.getValue()).isNotEqualTo(planted.getValue());
        mvc.perform(get("/my-day").cookie(after)).andExpect(status().isOk());
        mvc.perform(get("/my-day").cookie(planted)).andExpect(status().is3xxRedirection());
    }

    /** Nine wrong guesses, each once the previous wait is over: the pair now waits the longest. */
    private void guessUntilTheLongestWait(AppUser user, String address) throws Exception {
        for (int i = 0; i < 9; i++) {
            if (i > 0) {
                clock.advance(LONGEST);
            }
            assertThat(attempt(user.getUsername(), "guess-" + i, address)).as("guess %d", i + 1)
                    .startsWith("/login?error");
        }
    }

    /** A form sign-in from {@code address}; where it was sent next. */
    private String attempt(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn().getResponse().getRedirectedUrl();
    }

    /**
     * The application once more, as a second server behind the same load balancer would run it:
     * same database, its own memory. Component scanning sees the application's classes only, as
     * in production (the tests' clock, fixtures and configurations stay out).
     */
    private static ConfigurableApplicationContext startAnotherInstance() {
        return Instances.start(List.of(), SettableClock.SMALL_POOL);
    }

    private String loginPage(String url, String language) throws Exception {
        return mvc.perform(get(url).header("Accept-Language", language)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** An address nobody else fails from (IPv6 documentation range, random), so earlier runs on the database do not count. */
    private static String freshAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8::%x:%x:%x:%x".formatted(random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextInt(0x10000));
    }
}
