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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The three journeys in headless Chromium (Debian's chromium and chromedriver; nothing is
 * downloaded): a manager on a phone logs a visit from My day, a director reads the dashboard
 * charts and reassigns a customer, an admin publishes a rule change. The pages they pass through
 * are checked by {@link PageCheck} (console errors, axe-core); {@link MenuWalkTest} clicks every
 * menu link. Screenshots go to {@code target/e2e-screenshots}. Without Chromium the tests are
 * skipped, saying how to install it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Fixtures.class)
class BrowserJourneysTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @LocalServerPort
    private int port;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final FollowUpSchedule followUps;
    private final TierRecompute recompute;
    private final MessageSource messages;
    private Chromium chromium;
    private WebDriver browser;
    private PageCheck check;

    BrowserJourneysTest(Fixtures fixtures, JdbcTemplate jdbc, FollowUpSchedule followUps, TierRecompute recompute,
            MessageSource messages) {
        this.messages = messages;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.followUps = followUps;
        this.recompute = recompute;
    }

    @BeforeEach
    void chromium() throws IOException {
        Chromium.assumeInstalled();
    }

    @AfterEach
    void close() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        Recomputes.awaitIdle(recompute);
    }

    @Test
    void a_manager_on_a_phone_logs_a_visit_from_my_day_and_the_customer_leaves_the_overdue_list() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer late = overdue(manager, "逾期客户");
        Customer quick = overdue(manager, "快速记录客户");
        open(390, 844);
        signIn(manager);

        go("/my-day");
        WebElement overdue = browser.findElement(By.id("due-overdue"));
        assertThat(overdue.getText()).contains(late.getName(), quick.getName());
        assertThat(overflow()).as("My day is wider than the phone").isLessThanOrEqualTo(0);
        shot("1-my-day-phone-before");
        check.assertSound("my day, phone", ZH);

        // one tap opens the quick log on the row: the channel (phone by default) and one line
        WebElement row = browser.findElement(By.id("due-row-" + quick.getId()));
        row.findElement(By.cssSelector("details.due-quick summary")).click();
        WebElement line = row.findElement(By.cssSelector("form.quick-log input[name=summary]"));
        assertThat(line.isDisplayed()).isTrue();
        new Select(row.findElement(By.cssSelector("form.quick-log select[name=channel]"))).selectByValue("WECHAT");
        line.sendKeys("微信确认下周上门拜访");
        assertThat(overflow()).as("the opened quick log is wider than the phone").isLessThanOrEqualTo(0);
        shot("1-my-day-phone-quick-log");
        check.assertSound("my day with the quick log open, phone", ZH);
        row.findElement(By.cssSelector("form.quick-log button[type=submit]")).click();

        waitFor(d -> d.getCurrentUrl().endsWith("/my-day") && !d.findElements(By.cssSelector(".flash, .alert"))
                .isEmpty());
        assertThat(browser.findElement(By.id("due-overdue")).getText()).doesNotContain(quick.getName())
                .contains(late.getName());
        assertThat(jdbc.queryForObject("SELECT channel FROM contact_log WHERE customer_id = ?", String.class,
                quick.getId())).isEqualTo("WECHAT");
        shot("1-my-day-phone-quick-logged");

        // the full form stays one tap away
        browser.findElement(By.id("due-row-" + late.getId())).findElement(By.cssSelector("a.log-now")).click();
        check.assertSound("the log form, phone", ZH);
        browser.findElement(By.id("summary")).sendKeys("上门拜访，确认明年订单");
        shot("1-log-form-phone");
        browser.findElement(By.cssSelector("main form button[type=submit].btn-primary")).click();

        waitFor(d -> d.getCurrentUrl().endsWith("/my-day"));
        assertThat(browser.findElement(By.id("due-overdue")).getText()).doesNotContain(late.getName());
        shot("1-my-day-phone-after");
        check.assertSound("my day after logging, phone", ZH);

        go("/my-day/calendar");
        assertThat(overflow()).as("the week ahead is wider than the phone").isLessThanOrEqualTo(0);
        shot("1-week-ahead-phone");
        check.assertSound("the week ahead, phone", ZH);
        assertThat(severeConsoleMessages()).isEmpty();
    }

    /** A customer of the manager, on the books for 100 days and never contacted: overdue. */
    private Customer overdue(AppUser manager, String name) {
        Customer customer = fixtures.customer(manager, Fixtures.unique(name));
        jdbc.update("UPDATE customer SET created_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(
                Duration.ofDays(100))), customer.getId());
        followUps.refreshInBatches(List.of(customer.getId()));
        return customer;
    }

    @Test
    void a_director_reads_the_dashboard_charts_and_reassigns_a_customer() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser from = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser to = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(from, Fixtures.unique("转交客户"));
        open(1280, 900);
        signIn(director);

        go("/dashboard");
        waitForTheCharts();
        shot("2-dashboard");
        check.assertSound("the dashboard", ZH);

        // a click on a region's bar opens the customer list of that region, as many as the bar counts
        WebElement firstRegion = browser.findElement(By.cssSelector("#by-region tbody tr"));
        String customers = firstRegion.findElements(By.tagName("td")).get(1).getText();
        String url = chromium.clickFirstBar(browser.findElement(By.cssSelector("#by-region .chart")));
        waitFor(d -> path().startsWith("/customers?region="));
        assertThat(path()).isEqualTo(url);
        assertThat(browser.findElement(By.cssSelector("main p.muted")).getText()).isEqualTo("共 " + customers + " 个客户");
        shot("2-drilled-down");
        check.assertSound("the customer list behind a chart bar", ZH);
        assertThat(severeConsoleMessages()).isEmpty();

        go("/customers?q=" + customer.getCode());
        check.assertSound("the customer list", ZH);
        browser.findElement(By.cssSelector("input[name=ids][value='" + customer.getId() + "']")).click();
        new Select(browser.findElement(By.id("newOwner"))).selectByValue(to.getId().toString());
        browser.findElement(By.name("reason")).sendKeys("区域调整");
        shot("2-reassign");
        browser.findElement(By.cssSelector("#reassign-form button[type=submit]")).click();
        waitFor(d -> d.findElements(By.cssSelector(".flash")).size() > 0);
        assertThat(jdbc.queryForObject("SELECT owner_id FROM customer WHERE id = ?", Long.class, customer.getId()))
                .isEqualTo(to.getId());
        shot("2-reassigned");
    }

    @Test
    void an_admin_previews_and_publishes_a_rule_change_and_the_tiers_follow() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        int before = jdbc.queryForObject("SELECT MAX(version) FROM tier_policy", Integer.class);
        open(1280, 900);
        signIn(admin);
        try {
            go("/admin/rules");
            browser.findElement(By.cssSelector("form[action$='/admin/rules/drafts'] button")).click();
            check.assertSound("the rule editor", ZH);
            WebElement cutoffA = browser.findElement(By.id("cutoffAPercent"));
            cutoffA.clear();
            cutoffA.sendKeys("75");
            browser.findElement(By.id("note")).sendKeys("端到端测试");
            shot("3-rule-draft");
            browser.findElement(By.cssSelector("form.rule-editor button[type=submit]")).click();
            waitFor(d -> d.findElements(By.id("tier-counts")).size() > 0);
            assertThat(browser.findElement(By.id("move-summary")).getText()).isNotBlank();
            assertThat(browser.findElement(By.id("compare")).getText()).contains("75");
            shot("3-rule-preview");
            check.assertSound("the rule preview", ZH);
            browser.findElement(By.cssSelector("form[action$='/publish'] button[type=submit]")).click();
            Alert question = new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
            assertThat(question.getText()).contains("确定发布");
            question.accept();
            waitFor(d -> d.getCurrentUrl().endsWith("/tiers") && d.findElements(By.cssSelector(".flash")).size() > 0);
            shot("3-rule-published");
            assertThat(jdbc.queryForMap("SELECT version, pareto_cutoff_a FROM tier_policy WHERE version = ?",
                    before + 1).get("pareto_cutoff_a").toString()).startsWith("0.75");
            assertThat(severeConsoleMessages()).isEmpty();
        } finally {
            // other tests count on the seeded 80 / 95 cutoffs
            Recomputes.awaitIdle(recompute);
            jdbc.update("""
                    INSERT INTO tier_policy (version, method, window_months, pareto_cutoff_a, pareto_cutoff_b, scorecard,
                        hard_orders_a, hard_revenue_a, hard_orders_b, hard_revenue_b, created_at, created_by, note)
                    SELECT (SELECT MAX(version) FROM tier_policy) + 1, method, window_months, pareto_cutoff_a,
                        pareto_cutoff_b, scorecard, hard_orders_a, hard_revenue_a, hard_orders_b, hard_revenue_b,
                        CURRENT_TIMESTAMP, 'test', 'restored after the browser test'
                    FROM tier_policy WHERE version = ?""", before);
        }
    }

    /**
     * On a phone, tables become cards of "label  value" lines: on every page with figures the
     * label's text ends well before its value starts (it used to read "客户数占比10.0%").
     */
    @Test
    void phone_cards_keep_a_gap_between_each_label_and_its_value() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("卡片客户"));
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at)
                VALUES (?, 'CARD-1', CURRENT_DATE, 100000, CURRENT_TIMESTAMP)""", customer.getId());
        try {
            recompute.run("TEST", "test");
            cardGaps(director);
        } finally {
            // other tests rank the whole book: no revenue may be left behind
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", customer.getId());
            recompute.run("TEST", "test");
        }
    }

    private void cardGaps(AppUser director) throws Exception {
        open(390, 844);
        signIn(director);
        // the label's box (an inline block before the value) ends where the value starts, less
        // its right margin; inside the box its text sits left or right as the box aligns it
        String gaps = """
                const out = [];
                for (const td of document.querySelectorAll('table.cards td[data-label]')) {
                  const label = td.getAttribute('data-label');
                  const text = [...td.childNodes].find(n => n.nodeType === 3 && n.textContent.trim())
                      || td.querySelector('a, span, strong');
                  if (!label || !text || td.offsetParent === null) continue;
                  const before = getComputedStyle(td, '::before');
                  const ctx = document.createElement('canvas').getContext('2d');
                  ctx.font = before.font;
                  const textWidth = ctx.measureText(label).width;
                  const boxWidth = Math.max(textWidth, parseFloat(before.minWidth) || 0);
                  const range = document.createRange();
                  range.selectNodeContents(text);
                  const valueStart = range.getBoundingClientRect().left;
                  const boxEnd = valueStart - (parseFloat(before.marginRight) || 0);
                  const alignedRight = ['right', 'end', '-webkit-right'].includes(before.textAlign);
                  const labelEnd = alignedRight ? boxEnd : boxEnd - boxWidth + textWidth;
                  const gap = valueStart - labelEnd;
                  out.push([label, td.textContent.trim(), Math.round(gap)]);
                }
                return out;""";
        for (String page : List.of("/dashboard", "/attainment", "/dashboard/coverage")) {
            go(page);
            @SuppressWarnings("unchecked")
            List<List<Object>> cells = (List<List<Object>>) ((JavascriptExecutor) browser).executeScript(gaps);
            assertThat(cells).as("%s has cards with figures", page).isNotEmpty();
            for (List<Object> cell : cells) {
                assertThat(((Number) cell.get(2)).longValue()).as("%s: %s | %s", page, cell.get(0), cell.get(1))
                        .isGreaterThanOrEqualTo(6);
            }
            shot("5-cards-phone" + page.replace('/', '-'));
        }
    }

    /**
     * Admins work from phones too: every console, the rule editor and the quota editor fit a
     * 390 px screen without sideways scrolling, and pass {@link PageCheck} there.
     */
    @Test
    void the_admin_consoles_fit_a_phone_screen() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        open(390, 844);
        signIn(admin);
        go("/my-day");
        WebElement adminLink = browser.findElement(By.cssSelector("nav.menu a[href$='/admin']"));
        assertThat(adminLink.isDisplayed()).as("the menu is folded on a phone").isFalse();
        chromium.openTheMenu();
        assertThat(adminLink.isDisplayed()).isTrue();
        shot("4-admin-phone-menu");
        check.assertSound("the menu unfolded, phone", ZH);
        adminLink.click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin"));
        for (String page : List.of("/admin", "/admin/rules", "/admin/quotas", "/admin/calendar", "/admin/users",
                "/audit", "/tiers")) {
            go(page);
            assertThat(overflow()).as("%s is wider than the phone", page).isLessThanOrEqualTo(0);
            check.assertSound(page + ", phone", ZH);
            shot("4-admin-phone" + page.replace('/', '-'));
        }
        try {
            go("/admin/rules");
            browser.findElement(By.cssSelector("form[action$='/admin/rules/drafts'] button")).click();
            waitFor(d -> d.findElements(By.cssSelector("form.rule-editor")).size() > 0);
            assertThat(overflow()).as("the rule editor is wider than the phone").isLessThanOrEqualTo(0);
            check.assertSound("the rule editor, phone", ZH);
            shot("4-admin-phone-rule-editor");
            browser.findElement(By.cssSelector("form.rule-editor button[type=submit]")).click();
            waitFor(d -> d.findElements(By.id("tier-counts")).size() > 0);
            assertThat(overflow()).as("the preview is wider than the phone").isLessThanOrEqualTo(0);
            check.assertSound("the rule preview, phone", ZH);
            shot("4-admin-phone-rule-preview");

            go("/admin/quotas");
            List<WebElement> start = browser.findElements(By.cssSelector("form[action$='/admin/quotas/drafts'] button"));
            // one quota draft is open at a time: another's draft opens the same editor
            (start.isEmpty() ? browser.findElement(By.cssSelector("a[href*='/admin/quotas/drafts/']")) : start.get(0))
                    .click();
            waitFor(d -> d.findElements(By.id("quota-form")).size() > 0);
            assertThat(overflow()).as("the quota editor is wider than the phone").isLessThanOrEqualTo(0);
            check.assertSound("the quota editor, phone", ZH);
            shot("4-admin-phone-quota-editor");
        } finally {
            jdbc.update("DELETE FROM tier_policy_draft WHERE created_by = ?", admin.getUsername());
            jdbc.update("DELETE FROM visit_quota_draft WHERE created_by = ?", admin.getUsername());
        }
    }

    private void open(int width, int height) {
        if (chromium != null) {
            chromium.close();
        }
        chromium = new Chromium(port, messages, width, height);
        browser = chromium.browser;
        check = chromium.check;
    }

    private void signIn(AppUser user) {
        chromium.signIn(user);
    }

    private void go(String path) {
        chromium.go(path);
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        chromium.waitFor(condition);
    }

    private void waitForTheCharts() {
        chromium.waitForTheCharts();
    }

    private String path() {
        return chromium.path();
    }

    private long overflow() {
        return chromium.overflow();
    }

    private List<String> severeConsoleMessages() {
        return check.severeConsoleMessages();
    }

    private void shot(String name) throws IOException {
        chromium.shot(name);
    }
}
