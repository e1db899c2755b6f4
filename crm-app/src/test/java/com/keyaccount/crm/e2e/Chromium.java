package com.keyaccount.crm.e2e;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.AppUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.MessageSource;

/**
 * One headless Chromium window on the app under test (Debian's chromium and chromedriver;
 * nothing is downloaded), as a phone below 600 px, and the {@link PageCheck} of its pages.
 * Screenshots go to {@code target/e2e-screenshots}.
 */
final class Chromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CRM_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CRM_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

    final WebDriver browser;
    final PageCheck check;
    final boolean phone;
    private final int port;

    Chromium(int port, MessageSource messages, int width, int height) {
        this.port = port;
        this.phone = width < 600;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height, "--lang=zh-CN",
                // Bootstrap then drops its 0.15 s colour transitions: axe, run right after a click,
                // otherwise reads a button's colours halfway and reports a contrast nobody sees
                "--force-prefers-reduced-motion");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // the users' language: pages come in Chinese, as account managers see them
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        if (phone) {
            // a phone: its viewport, pixel ratio and touch, not just a narrow desktop window
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 3.0, "touch", true)));
        }
        browser = started(options);
        check = new PageCheck(browser, messages);
    }

    /**
     * A browser that has shown a page. Debian's Chromium, started headless on a busy two-core CI
     * machine, now and then dies while it starts ("the browser has closed the connection"); that
     * is the machine, not the app, so it is started again, twice at most. The page is an inline
     * one, not the app's: an app page would register the service worker before the test means it
     * to (the offline journeys count on when it starts controlling), and a file would have the
     * browser ask for the app's favicon.ico, a console error on the test's first page.
     */
    private WebDriver started(ChromeOptions options) {
        WebDriverException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            ChromeDriver driver = null;
            try {
                driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(
                        CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
                driver.get("data:text/html,<title>ready</title>");
                return driver;
            } catch (WebDriverException e) {
                last = e;
                if (driver != null) {
                    try {
                        driver.quit();
                    } catch (WebDriverException ignored) {
                        // already gone
                    }
                }
            }
        }
        throw last;
    }

    /** Skips the calling test, saying how to install Chromium, where it is missing. */
    static void assumeInstalled() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed: apt-get install chromium chromium-driver (or set CRM_CHROMIUM and "
                        + "CRM_CHROMEDRIVER) to run the browser tests");
        Files.createDirectories(SCREENSHOTS);
    }

    void signIn(AppUser user) {
        go("/login");
        browser.findElement(By.id("username")).sendKeys(user.getUsername());
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
    }

    void go(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    /** The path of the page shown, without scheme, host and port. */
    String path() {
        return browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    /**
     * Waits until the condition holds; a condition that read an element of the page being replaced
     * (a form just sent) is asked again on the new page rather than failing.
     */
    void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** A phone's menu is folded behind the header's button: unfolds it and waits until it is open. */
    void openTheMenu() {
        browser.findElement(By.cssSelector("button.menu-toggler")).click();
        waitFor(d -> !d.findElements(By.cssSelector("#main-menu.show")).isEmpty());
    }

    /** The dashboard draws its five charts (ECharts) after the page has loaded. */
    void waitForTheCharts() {
        waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return typeof echarts !== 'undefined' && document.querySelectorAll('[data-chart]').length === 5 && "
                        + "[...document.querySelectorAll('[data-chart]')].every(c => echarts.getInstanceByDom(c)"
                        + " !== undefined && c.querySelector('canvas') !== null)")));
    }

    /**
     * Clicks, with the mouse, the middle of the first bar of a chart's first series; returns the
     * bar's url (the customers behind it).
     */
    String clickFirstBar(WebElement chart) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
        List<?> at = (List<?>) js.executeScript("""
                const chart = echarts.getInstanceByDom(arguments[0]);
                const bar = chart.getModel().getSeriesByIndex(0).getData().getItemLayout(0);
                const box = arguments[0].getBoundingClientRect();
                return [bar.x + bar.width / 2 - box.width / 2, bar.y + bar.height / 2 - box.height / 2,
                        chart.getOption().series[0].data[0].url];""", chart);
        new Actions(browser).moveToElement(chart, (int) Math.round(((Number) at.get(0)).doubleValue()),
                (int) Math.round(((Number) at.get(1)).doubleValue())).click().perform();
        return (String) at.get(2);
    }

    /**
     * The phone stands at this position (Chrome DevTools Protocol): geolocation allowed for the
     * app's origin, as a user who accepted the browser's question, and the position emulated.
     */
    void standAt(double latitude, double longitude, double accuracyMeters) {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Browser.grantPermissions", Map.of("origin", "http://127.0.0.1:" + port,
                "permissions", List.of("geolocation")));
        chrome.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", latitude,
                "longitude", longitude, "accuracy", accuracyMeters));
    }

    /** How far the page is wider than the window (0 or less: no sideways scrolling). */
    long overflow() {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
    }

    void shot(String name) throws IOException {
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
