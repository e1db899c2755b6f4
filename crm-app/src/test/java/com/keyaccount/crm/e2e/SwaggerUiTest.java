package com.keyaccount.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An administrator opens the ERP API's Swagger UI from the API tokens page and reads the API's
 * operations there, under the application's content security policy, with nothing refused by it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Fixtures.class)
class SwaggerUiTest {

    @LocalServerPort
    private int port;
    private final Fixtures fixtures;
    private final MessageSource messages;
    private Chromium chromium;

    SwaggerUiTest(Fixtures fixtures, MessageSource messages) {
        this.fixtures = fixtures;
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
    void an_administrator_reads_the_api_in_swagger_ui_from_the_tokens_page() throws Exception {
        chromium = new Chromium(port, messages, 1366, 900);
        chromium.signIn(fixtures.user(Role.ADMIN));
        chromium.go("/admin/api-tokens?lang=en");
        chromium.browser.findElement(By.linkText("Try the API in the browser (Swagger UI)")).click();
        chromium.waitFor(d -> d.findElements(By.cssSelector(".opblock")).size() == 5);
        chromium.shot("21-swagger-ui");
        List<String> operations = chromium.browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(e -> e.getText().replace("\u200b", "")).toList();
        assertThat(operations).containsExactlyInAnyOrder("/api/v1/orders", "/api/v1/complaints",
                "/api/v1/customers/tiers", "/api/v1/customers/{code}/tier", "/api/v1/tiers");
        List<String> refused = chromium.browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getMessage()).filter(m -> m.contains("Content Security Policy")
                        || m.contains("Refused")).toList();
        assertThat(refused).as("what the content security policy refused").isEmpty();
    }
}
