package com.keyaccount.crm.complaint.web;

import com.keyaccount.crm.complaint.ComplaintStatus;
import com.keyaccount.crm.complaint.application.ComplaintFilter;
import com.keyaccount.crm.complaint.application.ComplaintQueries;
import com.keyaccount.crm.complaint.application.ComplaintRow;
import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.web.Formats;
import com.keyaccount.crm.web.PageNumbers;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 投诉: the viewer's complaints (a manager's book; directors and admins everyone's, or one
 * manager's), filtered by status or overdue, overdue first; and "export this view" in words.
 * An unknown filter value is ignored rather than refused: the list is a read.
 */
@Controller
@RequiredArgsConstructor
class ComplaintListController {

    private final ComplaintQueries queries;
    private final Team team;
    private final ViewExports views;
    private final MessageSource messages;
    private final Formats formats;

    @GetMapping("/complaints")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Long owner,
            @RequestParam(required = false) Long customer, @RequestParam(defaultValue = "0") int page, Viewer viewer,
            Model model) {
        ComplaintFilter filter = filter(status, owner, customer, viewer);
        int safePage = PageNumbers.bounded(page, ComplaintQueries.PAGE_SIZE);
        ComplaintQueries.Page rows = queries.list(viewer, filter, safePage);
        model.addAttribute("rows", rows);
        model.addAttribute("status", status(status));
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("owner", filter.owner());
        model.addAttribute("customer", filter.customerId());
        model.addAttribute("lastPage", Math.max(0, (int) ((rows.total() - 1) / ComplaintQueries.PAGE_SIZE)));
        if (viewer.seesOthers()) {
            model.addAttribute("managers", team.accountManagersSeenBy(viewer));
        }
        return "complaints/list";
    }

    @GetMapping("/complaints/export.{format:csv|xlsx}")
    void export(@PathVariable String format, @RequestParam(required = false) String status,
            @RequestParam(required = false) Long owner, @RequestParam(required = false) Long customer,
            Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        ComplaintFilter filter = filter(status, owner, customer, viewer);
        views.send(viewer, "complaints", format, new String[] {"id", "customer_code", "customer", "owner", "channel",
            "category", "severity", "tier", "status", "received_at", "answer_due_at", "answered_at",
            "answered_on_time", "resolve_due_at", "resolved_at", "resolved_on_time", "confirmed_at", "overdue",
            "description"}, locale, response, sink -> queries.forEach(viewer, filter, ViewExports.MAX_ROWS, r -> {
                try {
                    sink.row(r.id(), r.customerCode(), r.customerName(), r.ownerName(),
                            label("complaint.channel." + r.channel(), locale),
                            label("complaint.category." + r.category(), locale),
                            label("complaint.severity." + r.severity(), locale), label("tier." + r.tier(), locale),
                            label("complaint.status." + r.status(), locale), formats.dateTime(r.receivedAt()),
                            formats.dateTime(r.answerDueAt()), time(r.answeredAt()), yesNo(r.answeredOnTime(), locale),
                            formats.dateTime(r.resolveDueAt()), time(r.resolvedAt()),
                            yesNo(r.resolvedOnTime(), locale), time(r.confirmedAt()), yesNo(r.overdue(), locale),
                            r.description());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
    }

    /** "open" (received or answered), "overdue", one status, or all. */
    private static ComplaintFilter filter(String status, Long owner, Long customer, Viewer viewer) {
        String s = status(status);
        ComplaintStatus one = s == null || s.equals("open") || s.equals("overdue") || s.equals("all") ? null
                : ComplaintStatus.valueOf(s);
        return new ComplaintFilter(one, "open".equals(s), "overdue".equals(s),
                viewer.seesOthers() ? owner : null, customer);
    }

    /** The status parameter if it is one the page offers; default: the open ones. */
    private static String status(String status) {
        if (status == null || status.isBlank()) {
            return "open";
        }
        boolean known = status.equals("open") || status.equals("overdue") || status.equals("all")
                || Arrays.stream(ComplaintStatus.values()).anyMatch(s -> s.name().equals(status));
        return known ? status : "open";
    }

    private String time(java.time.Instant at) {
        return at == null ? "" : formats.dateTime(at);
    }

    private String yesNo(Boolean value, Locale locale) {
        return value == null ? "" : label(value ? "audit.value.true" : "audit.value.false", locale);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
