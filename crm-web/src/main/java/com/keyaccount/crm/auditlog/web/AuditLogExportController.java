package com.keyaccount.crm.auditlog.web;

import com.keyaccount.crm.auditlog.AuditEntry;
import com.keyaccount.crm.auditlog.AuditLog;
import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Export this view" of the audit log: the entries its filters find, newest first as on the page,
 * every page of them, in the page's words ({@link AuditExportRows} words the sheet {@code audit}).
 */
@Controller
@RequiredArgsConstructor
class AuditLogExportController {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AuditLog auditLog;
    private final ViewExports views;
    private final ZoneId businessZone;

    @GetMapping("/audit/export.{format:csv|xlsx}")
    void export(@PathVariable String format, @Valid @ModelAttribute("query") AuditLogQuery query, BindingResult result,
            Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        AuditLog.Filter filter = result.hasErrors() ? new AuditLog.Filter(null, null, null, null, null) : query.filter();
        auditLog.entityTypes(viewer); // refuses a manager before the file starts
        views.send(viewer, "audit", format, new String[] {"occurred_at", "actor", "action", "entity_type", "entity_id",
            "customer_code", "field", "old_value", "new_value"}, locale, response, sink -> {
                for (int page = 0; ; page++) {
                    AuditLog.Page entries = auditLog.page(viewer, filter, page);
                    for (AuditEntry e : entries.entries()) {
                        if (!sink.row(MINUTES.format(e.occurredAt().atZone(businessZone)), e.actor(), e.action(),
                                e.entityType(), e.entityId(), e.customerCode(), e.field(), e.oldValue(), e.newValue())) {
                            return;
                        }
                    }
                    if (!entries.hasNext()) {
                        return;
                    }
                }
            });
    }
}
