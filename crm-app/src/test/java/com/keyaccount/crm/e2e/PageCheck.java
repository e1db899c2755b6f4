package com.keyaccount.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.context.MessageSource;

/**
 * What every page the browser lands on must be: answered without an HTTP error, not an error
 * page, no message of a form that was never filled in, in the language chosen, no console error,
 * and no accessibility violation that blocks someone (axe-core, impact serious or critical).
 * Lesser violations are collected and printed, not failed on.
 */
final class PageCheck {

    private static final List<String> ERROR_TITLES = List.of("error.generic.title", "error.404.title",
            "error.403.title", "error.503.title");

    private final WebDriver browser;
    private final MessageSource messages;
    private final Map<String, Set<String>> lesser = new TreeMap<>();

    PageCheck(WebDriver browser, MessageSource messages) {
        this.browser = browser;
        this.messages = messages;
    }

    /** Checks the page now shown; {@code where} names it in failures (role, language, link). */
    void assertSound(String where, Locale language) {
        Number status = (Number) ((JavascriptExecutor) browser).executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;");
        assertThat(status.intValue()).as("%s: HTTP status", where).isBetween(200, 399);
        Set<String> errorTitles = ERROR_TITLES.stream().map(key -> messages.getMessage(key, null, language))
                .collect(Collectors.toSet());
        assertThat(errorTitles).as("%s: an error page", where).doesNotContain(browser.getTitle());
        assertThat(browser.findElements(By.cssSelector(".field-error, .error")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList()).as("%s: error messages", where).isEmpty();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as("%s: language", where)
                .startsWith(language.getLanguage());
        assertThat(severeConsoleMessages()).as("%s: console errors", where).isEmpty();
        assertThat(italicChineseText()).as("%s: slanted Chinese text", where).isEmpty();
        List<Axe.Violation> violations = Axe.violations(browser);
        assertThat(violations.stream().filter(Axe.Violation::blocking).map(Axe.Violation::toString).toList())
                .as("%s: axe-core violations of impact serious or critical (or of %s)", where, Axe.KEPT_FIXED)
                .isEmpty();
        violations.forEach(v -> lesser.computeIfAbsent(v.rule() + " (" + v.impact() + ")", rule -> new TreeSet<>())
                .add(browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "")));
    }

    /**
     * Shown text with Chinese characters set in italic or oblique: CJK fonts have no italics, so
     * the browser slants the glyphs and they blur (empty states used to).
     */
    @SuppressWarnings("unchecked")
    private List<String> italicChineseText() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const cjk = /[\\u3400-\\u9fff\\uf900-\\ufaff]/;
                return [...document.querySelectorAll('body *')]
                  .filter(e => e.offsetParent !== null && getComputedStyle(e).fontStyle !== 'normal')
                  .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && cjk.test(n.textContent)))
                  .map(e => e.tagName.toLowerCase() + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40));""");
    }

    /** The console's errors since it was last read. */
    List<String> severeConsoleMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    /** The moderate and minor violations met so far, each rule with the pages that break it. */
    String lesserViolations() {
        return lesser.entrySet().stream().map(e -> "  " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }
}
