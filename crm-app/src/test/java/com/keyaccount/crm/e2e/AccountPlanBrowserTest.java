package com.keyaccount.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.plan.Quarter;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A quarterly account plan written on a phone (issue 19): the plan list, an empty plan, the form
 * refusing a date outside the quarter beside its row with the rest kept, "save and submit" through
 * the double-submit guard, then the director's list and decision on a desktop. Every page fits
 * 390 px and passes {@link PageCheck}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Fixtures.class)
class AccountPlanBrowserTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @LocalServerPort
    private int port;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final MessageSource messages;
    private Chromium chromium;

    AccountPlanBrowserTest(Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute, MessageSource messages) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.messages = messages;
    }

    @BeforeEach
    void chromium() throws Exception {
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
    void a_manager_writes_the_plan_on_a_phone_and_the_director_approves_it() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(manager, Fixtures.unique("计划浏览器客户"));
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, 'A', 'A', 1, ?, 0, 0)""", customer.getId(),
                Timestamp.from(Instant.now()));
        // the list's copy of the tier, as a classification writes it
        jdbc.update("UPDATE customer_list_tier SET sort_tier = 'A' WHERE customer_id = ?", customer.getId());
        Quarter quarter = Quarter.of(LocalDate.now(ZoneId.of("Asia/Shanghai")));

        chromium = new Chromium(port, messages, 390, 844);
        WebDriver browser = chromium.browser;
        chromium.signIn(manager);
        chromium.go("/plans");
        assertThat(browser.findElement(By.id("plan-rows")).getText()).contains(customer.getName());
        fits("the plan list, phone");
        browser.findElement(By.linkText(customer.getName())).click();
        fits("an account without a plan, phone");
        browser.findElement(By.id("write-plan")).click();
        fits("the plan form, phone");

        browser.findElement(By.id("goals")).sendKeys("签下年度框架协议");
        browser.findElement(By.id("actions0.description")).sendKeys("拜访采购总监");
        date("actions0.dueOn", quarter.next().first());
        new Select(browser.findElement(By.id("actions0.channel"))).selectByValue("VISIT");
        browser.findElement(By.id("save-submit")).click();
        chromium.waitFor(d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
        assertThat(browser.findElement(By.id("action-0")).getText()).contains("请选择该季度内的日期");
        assertThat(browser.findElement(By.id("goals")).getAttribute("value")).isEqualTo("签下年度框架协议");
        // the refusal is the page's point, so not PageCheck (which fails on any shown error): width and axe-core
        assertThat(chromium.overflow()).as("the refused form is wider than the phone").isLessThanOrEqualTo(0);
        assertThat(Axe.violations(browser).stream().filter(Axe.Violation::blocking).map(Axe.Violation::toString)
                .toList()).as("the refused form: axe-core").isEmpty();

        date("actions0.dueOn", quarter.last());
        browser.findElement(By.id("save-submit")).click();
        chromium.waitFor(d -> !d.findElements(By.id("plan-status")).isEmpty());
        assertThat(browser.findElement(By.id("plan-status")).getText()).isEqualTo("待审批");
        fits("a submitted plan, phone");
        chromium.close();

        chromium = new Chromium(port, messages, 1280, 900);
        browser = chromium.browser;
        chromium.signIn(director);
        chromium.go("/plans?shown=SUBMITTED");
        browser.findElement(By.linkText(customer.getName())).click();
        chromium.check.assertSound("a plan to decide, desktop", ZH);
        browser.findElement(By.id("decision-comment")).sendKeys("同意，注意回款");
        browser.findElement(By.cssSelector("#decide-plan button.btn-success")).click();
        chromium.waitFor(d -> d.findElement(By.id("plan-status")).getText().equals("已批准"));
        assertThat(browser.findElement(By.id("plan-decision")).getText()).contains("同意，注意回款");
        assertThat(chromium.check.severeConsoleMessages()).isEmpty();
    }

    private void date(String id, LocalDate day) {
        ((JavascriptExecutor) chromium.browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, day.toString());
    }

    private void fits(String where) throws Exception {
        assertThat(chromium.overflow()).as(where + " is wider than the phone").isLessThanOrEqualTo(0);
        chromium.check.assertSound(where, ZH);
        chromium.shot("plan-" + where.replaceAll("[^a-z]+", "-"));
    }
}
