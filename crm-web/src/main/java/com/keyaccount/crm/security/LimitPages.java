package com.keyaccount.crm.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a refused request gets from the limits, in the reader's language, with the security
 * headers. Written straight to the response: an error dispatch would run the application's
 * error page, whose locale switch reads request parameters, and for a multipart request that
 * means reading (and storing) the very body being refused.
 */
final class LimitPages {

    private final MessageSource messages;
    private final LocaleResolver locales;

    LimitPages(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "limits.signIn.title", "limits.signIn.text",
                "/login", "limits.signIn.link");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpServletResponse.SC_FORBIDDEN, "error.403.title", "limits.forbidden.text");
    }

    void tooLarge(HttpServletRequest request, HttpServletResponse response, DataSize limit) throws IOException {
        write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "limits.tooLarge.title",
                "limits.tooLarge.text", readable(limit));
    }

    void lengthRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpServletResponse.SC_LENGTH_REQUIRED, "limits.lengthRequired.title",
                "limits.lengthRequired.text");
    }

    void busy(HttpServletRequest request, HttpServletResponse response, int running) throws IOException {
        response.setHeader("Retry-After", "5");
        write(request, response, 429, "limits.busy.title", "limits.busy.text", running);
    }

    /** The database cannot be reached, found out before or after the application's own error pages. */
    void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "30");
        write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error.503.title", "error.503.text");
    }

    void tooFast(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        write(request, response, 429, "limits.rate.title", "limits.rate.text");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String text, Object... args) throws IOException {
        write(request, response, status, title, text, "/", "limits.back", args);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String text, String link, String linkText, Object... args) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String context = request.getContextPath();
        String heading = message(title, locale);
        String html = "<!DOCTYPE html>\n<html lang=\"" + escape(locale.toLanguageTag()) + "\">\n<head>\n"
                + "<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
                + "<title>" + escape(heading) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + escape(context) + "/css/app.css\" />\n</head>\n<body>\n"
                + "<main class=\"narrow\">\n<h1>" + escape(heading) + "</h1>\n"
                + "<p>" + escape(messages.getMessage(text, args, locale)) + "</p>\n"
                + "<p><a href=\"" + escape(context + link) + "\">" + escape(message(linkText, locale)) + "</a></p>\n"
                + "</main>\n</body>\n</html>\n";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        SecurityHeaders.write(response);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    /** "2 MB", "1 GB": what a person reads, not a byte count. */
    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= DataSize.ofGigabytes(1).toBytes() && bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return size.toGigabytes() + " GB";
        }
        if (bytes >= DataSize.ofMegabytes(1).toBytes()) {
            return size.toMegabytes() + " MB";
        }
        return Math.max(1, size.toKilobytes()) + " KB";
    }
}
