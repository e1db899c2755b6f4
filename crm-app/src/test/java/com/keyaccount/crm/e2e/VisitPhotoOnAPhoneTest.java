package com.keyaccount.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.attachment.TestPhotos;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 23's speed promise on a 390 px phone in Chromium: a 5 MB photo attached to a visit is
 * shrunk in the browser and sends under 500 KB, the visit and its photo are saved together, and
 * the thumbnail shows on the customer's timeline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Fixtures.class)
class VisitPhotoOnAPhoneTest {

    private static final long LIMIT = 500 * 1024;

    @LocalServerPort
    private int port;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private Chromium chromium;

    @TempDir
    Path folder;

    VisitPhotoOnAPhoneTest(Fixtures fixtures, JdbcTemplate jdbc, MessageSource messages) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @BeforeEach
    void chromium() throws Exception {
        Chromium.assumeInstalled();
    }

    @AfterEach
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_five_megabyte_photo_is_sent_under_500_kb_and_shows_on_the_timeline() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("手机拍照"));
        Path photo = folder.resolve("IMG_5001.jpg");
        Files.write(photo, TestPhotos.fiveMegabytePhoto());
        assertThat(Files.size(photo)).as("the phone's photo").isGreaterThan(4_500_000L);

        chromium = new Chromium(port, messages, 390, 844);
        chromium.signIn(manager);
        chromium.go("/customers/" + customer.getId() + "/logs/new");
        var browser = chromium.browser;
        browser.findElement(By.id("summary")).sendKeys("门店货架陈列检查，拍照留档");
        browser.findElement(By.id("files-choose")).sendKeys(photo.toAbsolutePath().toString());
        chromium.waitFor(d -> "true".equals(d.findElement(By.id("files-choose")).getDomAttribute("data-ready"))
                || "true".equals(((JavascriptExecutor) d).executeScript(
                        "return document.getElementById('files-choose').dataset.ready")));

        long sending = ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('files-choose').files[0].size")).longValue();
        String type = (String) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('files-choose').files[0].type");
        assertThat(sending).as("bytes the form sends for the photo").isLessThan(LIMIT);
        assertThat(type).isEqualTo("image/jpeg");
        assertThat(chromium.overflow()).as("the log form is wider than the phone").isLessThanOrEqualTo(0);
        chromium.shot("23-visit-photo-phone-form");
        chromium.check.assertSound("log form with a photo, phone", Locale.SIMPLIFIED_CHINESE);

        var save = browser.findElement(By.cssSelector("form[action$='/logs'] button[type=submit]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", save);
        save.click();
        chromium.waitFor(d -> d.getCurrentUrl().contains("/customers/" + customer.getId())
                && !d.getCurrentUrl().contains("/logs"));

        long stored = jdbc.queryForObject("SELECT size_bytes FROM attachment WHERE customer_id = ?", Long.class,
                customer.getId());
        assertThat(stored).as("bytes stored for the photo").isLessThan(LIMIT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_log WHERE customer_id = ?", Long.class,
                customer.getId())).isEqualTo(1);
        var thumbnail = browser.findElement(By.cssSelector("#timeline .attachment-thumbs img"));
        // thumbnails load as they come into view
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", thumbnail);
        chromium.waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", thumbnail)));
        assertThat(chromium.overflow()).as("the customer page is wider than the phone").isLessThanOrEqualTo(0);
        chromium.shot("23-visit-photo-phone-timeline");
        chromium.check.assertSound("customer page with a visit photo, phone", Locale.SIMPLIFIED_CHINESE);
    }
}
