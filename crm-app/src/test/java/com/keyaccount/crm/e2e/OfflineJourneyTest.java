package com.keyaccount.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Logging without a signal (issue 23), in headless Chromium as a 390 px phone that reaches the
 * app through a {@link CuttableLink}: cut, no request gets through, the service worker's own
 * included; the page is also told it is offline (DevTools' network emulation), so the browser
 * says "offline" and then "online" as a phone does. Screenshots in target/e2e-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Fixtures.class)
class OfflineJourneyTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final String SUMMARY = "地下仓库没有信号：上门拜访，确认下季度备货";

    @LocalServerPort
    private int port;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final FollowUpSchedule followUps;
    private final TierRecompute recompute;
    private final MessageSource messages;
    private CuttableLink link;
    private Chromium chromium;
    private WebDriver browser;

    OfflineJourneyTest(Fixtures fixtures, JdbcTemplate jdbc, FollowUpSchedule followUps, TierRecompute recompute,
            MessageSource messages) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.followUps = followUps;
        this.recompute = recompute;
        this.messages = messages;
    }

    @BeforeEach
    void aPhone() throws IOException {
        Chromium.assumeInstalled();
        link = new CuttableLink(port);
        chromium = new Chromium(link.port(), messages, 390, 844);
        browser = chromium.browser;
    }

    @AfterEach
    void close() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (link != null) {
            link.close();
        }
        Recomputes.awaitIdle(recompute);
    }

    @Test
    void a_contact_logged_without_a_signal_waits_on_the_phone_and_is_stored_once_when_the_signal_returns()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = overdue(manager, "地下仓库客户");
        chromium.signIn(manager);
        String logForm = "/customers/" + customer.getId() + "/logs/new?back=my-day";

        // online: My day, then the log form from its row; both are kept on the phone
        chromium.go("/my-day");
        awaitTheServiceWorker();
        awaitMyDayKept();
        browser.findElement(By.id("due-row-" + customer.getId())).findElement(By.cssSelector("a.log-now")).click();
        chromium.waitFor(d -> chromium.path().equals(logForm));
        awaitKept(logForm, "/my-day");
        chromium.check.assertSound("the log form with the service worker, phone", ZH);

        goOffline();
        assertThat(fetchGetsThrough("/outbox/session")).as("a request while cut off").isFalse();
        // a page never opened online: the service worker's own fetch fails too, and it says so
        chromium.go("/dashboard");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(text("offline.page.title"));
        chromium.shot("23-offline-page-phone");

        // My day as kept on the phone; its quick log needs the server's time, so what is typed there
        // goes on to the customer's full log form, kept too
        chromium.go("/my-day");
        assertThat(browser.findElement(By.cssSelector(".kept-page")).getText())
                .startsWith(text("offline.keptPage", "@").split("@")[0]);
        WebElement row = browser.findElement(By.id("due-row-" + customer.getId()));
        row.findElement(By.cssSelector("details.due-quick summary")).click();
        new Select(row.findElement(By.cssSelector("form.quick-log select[name=channel]"))).selectByValue("VISIT");
        row.findElement(By.cssSelector("form.quick-log input[name=summary]")).sendKeys(SUMMARY);
        row.findElement(By.cssSelector("form.quick-log button[type=submit]")).click();
        chromium.waitFor(d -> chromium.path().equals(logForm));
        assertThat(browser.findElement(By.cssSelector(".kept-page")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("summary")).getAttribute("value")).isEqualTo(SUMMARY);
        assertThat(browser.findElement(By.cssSelector("input[name=channel][value=VISIT]")).isSelected()).isTrue();
        chromium.shot("23-log-form-offline-phone");
        browser.findElement(By.cssSelector("main form button[type=submit].btn-primary")).click();

        chromium.waitFor(d -> !d.findElements(By.id("outbox-saved")).isEmpty());
        assertThat(browser.findElement(By.id("outbox-saved")).getText()).contains(text("offline.saved", 1));
        WebElement badge = browser.findElement(By.cssSelector("[data-outbox-badge]"));
        assertThat(badge.isDisplayed()).isTrue();
        assertThat(badge.getText()).contains("1");
        assertThat(badge.getAttribute("title")).isEqualTo(text("offline.badge", 1));
        assertThat(chromium.overflow()).as("the saved note is wider than the phone").isLessThanOrEqualTo(0);
        chromium.shot("23-log-saved-on-the-phone");
        assertThat(logsOf(customer)).as("nothing reached the server").isZero();

        // the answer to a send can be lost after the server stored it: the same entry goes twice
        String user = meta("crm-user");
        script("return CrmOutbox.of(arguments[0]).then(es => { const again = Object.assign({}, es[0]);"
                + " delete again.id; return CrmOutbox.add(again); }).then(() => true)", user);
        assertThat(outbox(user)).hasSize(2);

        goOnline();
        waitUpTo(Duration.ofSeconds(45), d -> outbox(user).isEmpty());
        chromium.waitFor(d -> browser.findElement(By.id("outbox-saved")).getText().contains(text("offline.sent")));
        assertThat(jdbc.queryForList("SELECT channel || ' ' || summary FROM contact_log WHERE customer_id = ?",
                String.class, customer.getId())).containsExactly("VISIT " + SUMMARY);
        chromium.shot("23-log-sent-when-online");
        chromium.go("/my-day");
        assertThat(browser.findElement(By.cssSelector("[data-outbox-badge]")).isDisplayed()).isFalse();
    }

    @Test
    void a_log_for_a_customer_reassigned_meanwhile_is_shown_as_a_conflict_with_its_text_until_discarded()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("转走的客户"));
        chromium.signIn(manager);
        chromium.go("/my-day");
        awaitTheServiceWorker();
        chromium.go("/customers/" + customer.getId());
        String form = "/customers/" + customer.getId() + "/logs/new";
        awaitKept(form);

        goOffline();
        chromium.go(form);
        browser.findElement(By.id("summary")).sendKeys(SUMMARY);
        browser.findElement(By.cssSelector("main form button[type=submit].btn-primary")).click();
        chromium.waitFor(d -> !d.findElements(By.id("outbox-saved")).isEmpty());
        // meanwhile a director gives the customer to a colleague
        AppUser colleague = fixtures.user(Role.ACCOUNT_MANAGER);
        jdbc.update("UPDATE customer SET owner_id = ? WHERE id = ?", colleague.getId(), customer.getId());

        goOnline();
        chromium.go("/outbox");
        waitUpTo(Duration.ofSeconds(45), d -> !d.findElements(
                By.cssSelector(".outbox-entry[data-state=conflict]")).isEmpty());
        WebElement entry = browser.findElement(By.cssSelector(".outbox-entry"));
        assertThat(entry.getText()).contains(text("offline.conflict"), SUMMARY, customer.getName());
        assertThat(browser.findElement(By.cssSelector("[data-outbox-badge]")).isDisplayed()).isTrue();
        assertThat(chromium.overflow()).as("the outbox is wider than the phone").isLessThanOrEqualTo(0);
        chromium.shot("23-outbox-conflict-phone");
        // (not PageCheck: the 404 the refused entry got is in the console, as it should be)
        assertThat(logsOf(customer)).isZero();

        entry.findElement(By.cssSelector(".outbox-discard")).click();
        browser.switchTo().alert().accept();
        chromium.waitFor(d -> d.findElements(By.cssSelector(".outbox-entry")).isEmpty());
        assertThat(browser.findElement(By.id("outbox-empty")).isDisplayed()).isTrue();
        assertThat(logsOf(customer)).isZero();
    }

    @Test
    void after_signing_out_the_next_user_finds_none_of_the_first_users_pages_or_entries() throws Exception {
        AppUser first = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser next = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer firsts = fixtures.customer(first, Fixtures.unique("第一位的客户"));
        chromium.signIn(first);
        chromium.go("/my-day");
        awaitTheServiceWorker();
        String firstsPage = "/customers/" + firsts.getId();
        chromium.go(firstsPage);
        awaitKept(firstsPage);
        String firstUser = meta("crm-user");

        // signing out from the header's menu, as on the phone
        browser.findElement(By.cssSelector("button.user-menu")).click();
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        chromium.waitFor(d -> chromium.path().startsWith("/login"));
        chromium.waitFor(d -> keptPages().isEmpty());

        chromium.signIn(next);
        chromium.go("/my-day");
        awaitKept("/my-day");
        String nextUser = meta("crm-user");
        assertThat(nextUser).isNotEqualTo(firstUser);
        // every cache the service worker holds, whatever its name: nothing of the first user
        List<String> everything = cachedUrlsAndUsers();
        assertThat(everything).noneMatch(kept -> kept.contains(firstsPage) || kept.contains(firstUser))
                .anyMatch(kept -> kept.contains("/my-day") && kept.contains(nextUser));

        // an entry the first user left on the phone is neither shown to nor sent by the next one
        script("return CrmOutbox.add({ user: arguments[0], customerId: arguments[1], customerName: 'x',"
                + " action: '/customers/' + arguments[1] + '/logs', token: crypto.randomUUID(), createdAt: Date.now(),"
                + " state: 'waiting', fields: [['channel', 'PHONE'], ['summary', 'left by the first user']] })"
                + ".then(() => true)", firstUser, String.valueOf(firsts.getId()));
        chromium.check.severeConsoleMessages(); // read: the checks below are of the outbox page alone
        chromium.go("/outbox");
        chromium.waitFor(d -> d.findElement(By.id("outbox-empty")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector(".outbox-entry"))).isEmpty();
        chromium.check.assertSound("the outbox, phone", ZH);
        assertThat(browser.findElement(By.cssSelector("[data-outbox-badge]")).isDisplayed()).isFalse();
        assertThat(outbox(firstUser)).hasSize(1);
        assertThat(logsOf(firsts)).isZero();

        // and with no signal, the first user's page is not served to the next one
        goOffline();
        chromium.go(firstsPage);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(text("offline.page.title"));
        assertThat(browser.getPageSource()).doesNotContain(firsts.getName());
        chromium.shot("23-first-users-page-not-served");
    }

    // --- the phone's connection ---

    private void goOffline() {
        link.cut();
        emulate(true);
        chromium.waitFor(d -> Boolean.FALSE.equals(script("return navigator.onLine")));
    }

    private void goOnline() {
        link.restore();
        emulate(false);
    }

    /** The page's own view of the connection (navigator.onLine, the online event). */
    private void emulate(boolean offline) {
        HasCdp cdp = (HasCdp) browser;
        cdp.executeCdpCommand("Network.enable", Map.of());
        cdp.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Longer than Chromium's 15 s: without the "online" event the pages retry every 30 s. */
    private void waitUpTo(Duration time, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, time).until(condition::apply);
    }

    private boolean fetchGetsThrough(String path) {
        return Boolean.TRUE.equals(asyncScript("fetch(args[0], { cache: 'no-store' })"
                + ".then(() => done(true), () => done(false))", path));
    }

    /**
     * The first signed-in page registers the worker. A page whose loading began before the worker
     * was active may stay uncontrolled (the worker claims only pages already there): the next
     * page is controlled, as a user's next tap is.
     */
    private void awaitTheServiceWorker() {
        chromium.waitFor(d -> Boolean.TRUE.equals(asyncScript("const r = await navigator.serviceWorker.getRegistration();"
                + " done(!!(r && r.active && r.active.state === 'activated'))")));
        if (!Boolean.TRUE.equals(script("return navigator.serviceWorker.controller !== null"))) {
            chromium.go(chromium.path());
        }
        chromium.waitFor(d -> Boolean.TRUE.equals(script("return navigator.serviceWorker.controller !== null")));
    }

    // --- what the phone holds ---

    /**
     * My day, the page signing in lands on, is kept once the worker controls it. In whole-suite
     * runs on the two-core CI machine the first controlled visit was now and then not kept (the
     * worker was still taking over from the landing page); the user's next visit keeps it, so the
     * test opens it once more before it goes on, and still fails if even that is not kept.
     */
    private void awaitMyDayKept() {
        try {
            chromium.waitFor(d -> keptPages().contains("/my-day"));
        } catch (org.openqa.selenium.TimeoutException e) {
            chromium.go("/my-day");
            awaitKept("/my-day");
        }
    }

    /** Waits until the phone holds these pages; a timeout says which pages it holds instead. */
    private void awaitKept(String... paths) {
        try {
            chromium.waitFor(d -> keptPages().containsAll(List.of(paths)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("kept " + keptPages() + ", waited for " + List.of(paths), e);
        }
    }

    /** Path and query of every page kept for a user. */
    private List<String> keptPages() {
        return strings(asyncScript("""
                const kept = [];
                for (const name of await caches.keys()) {
                  if (!name.startsWith('crm-pages-')) continue;
                  for (const request of await (await caches.open(name)).keys()) {
                    const url = new URL(request.url);
                    kept.push(url.pathname + url.search);
                  }
                }
                done(kept);"""));
    }

    /** Every cached URL with the cache's name and the user its answer names. */
    private List<String> cachedUrlsAndUsers() {
        return strings(asyncScript("""
                const all = [];
                for (const name of await caches.keys()) {
                  const cache = await caches.open(name);
                  for (const request of await cache.keys()) {
                    const response = await cache.match(request);
                    all.push(name + ' ' + request.url + ' ' + response.headers.get('Crm-User'));
                  }
                }
                done(all);"""));
    }

    private List<?> outbox(String user) {
        return (List<?>) asyncScript("done(await CrmOutbox.of(args[0]))", user);
    }

    private String meta(String name) {
        return (String) script("return document.querySelector('meta[name=\"' + arguments[0] + '\"]').content", name);
    }

    private Object script(String body, Object... args) {
        return ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "Promise.resolve((function () { " + body + " }).apply(null, arguments)).then(done, e => done('error: ' + e));",
                args);
    }

    /** Runs `body` in an async function; it answers with done(value). */
    private Object asyncScript(String body, Object... args) {
        return ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const args = Array.prototype.slice.call(arguments, 0, -1);"
                        + "(async function () { " + body + " })().catch(e => done('error: ' + e));",
                args);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        assertThat(value).as("the script's answer").isInstanceOf(List.class);
        return (List<String>) value;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }

    private int logsOf(Customer customer) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM contact_log WHERE customer_id = ?", Integer.class,
                customer.getId());
    }

    /** A customer of the manager, on the books for 100 days and never contacted: on My day. */
    private Customer overdue(AppUser manager, String name) {
        Customer customer = fixtures.customer(manager, Fixtures.unique(name));
        jdbc.update("UPDATE customer SET created_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(
                Duration.ofDays(100))), customer.getId());
        followUps.refreshInBatches(List.of(customer.getId()));
        return customer;
    }
}
