package com.keyaccount.crm.exporting.web;

import com.keyaccount.crm.exporting.ExportKind;
import com.keyaccount.crm.exporting.ExportLanguage;
import com.keyaccount.crm.exporting.ExportRows;
import com.keyaccount.crm.exporting.Exports;
import com.keyaccount.crm.exporting.SpreadsheetFormat;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.PageNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Data out, as CSV or Excel: each export respects who is asking. */
@Controller
@RequiredArgsConstructor
class ExportController {

    private final Exports exports;
    private final Clock clock;
    private final ZoneId businessZone;
    private final MessageSource messages;
    private final ObjectProvider<ExportRows> rows;

    @GetMapping("/exports")
    String list(Viewer viewer, Model model) {
        model.addAttribute("kinds", Arrays.stream(ExportKind.values())
                .filter(kind -> kind.forManagers() || viewer.role().seesAllCustomers()).toList());
        return "exports/list";
    }

    @GetMapping("/exports/{slug}.{format:csv|xlsx}")
    void export(@PathVariable String slug, @PathVariable String format, Viewer viewer, Locale locale,
            HttpServletResponse response) throws IOException {
        ExportKind kind = ExportKind.bySlug(slug).orElseThrow(() -> new PageNotFoundException("export " + slug));
        send(kind, SpreadsheetFormat.valueOf(format.toUpperCase(Locale.ROOT)), viewer, locale, response);
    }

    /** The tier list's own link, kept where it has always been. */
    @GetMapping("/customers/tiers.csv")
    void tiers(Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        send(ExportKind.TIERS, SpreadsheetFormat.CSV, viewer, locale, response);
    }

    /** In the reader's language: headers and coded values by the labels the pages use. */
    private void send(ExportKind kind, SpreadsheetFormat format, Viewer viewer, Locale locale,
            HttpServletResponse response) throws IOException {
        exports.checkAllowed(viewer, kind);
        String extension = format.name().toLowerCase(Locale.ROOT);
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(kind.slug() + "-" + LocalDate.now(clock.withZone(businessZone)) + "." + extension,
                        StandardCharsets.UTF_8).build().toString());
        exports.write(viewer, kind, format.on(response.getOutputStream(),
                new ExportLanguage(messages, locale, rows.orderedStream().toList())));
    }
}
