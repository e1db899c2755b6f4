package com.keyaccount.crm.care.web;

import com.keyaccount.crm.care.application.CareSpending;
import com.keyaccount.crm.care.application.CareTasks;
import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.Formats;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Care spending of a year: every gift given, task by task, in the reader's words. */
@Controller
@RequiredArgsConstructor
class CareExportController {

    private final CareTasks tasks;
    private final CareSpending spending;
    private final ViewExports views;
    private final MessageSource messages;
    private final Formats formats;

    @GetMapping("/care/export.{format:csv|xlsx}")
    void export(@PathVariable String format, @RequestParam(required = false) Integer year, Viewer viewer,
            Locale locale, HttpServletResponse response) throws IOException {
        int thisYear = tasks.today().getYear();
        int shown = year == null || year < 2000 || year > thisYear + 1 ? thisYear : year;
        var given = tasks.closedIn(viewer, shown);
        views.send(viewer, "care-spending", format, new String[] {"code", "name", "contact", "occasion", "occasion_on",
            "assignee", "state", "gift", "cost", "given_on", "note", "approved_by"}, locale, response, sink -> {
                for (var t : given) {
                    String occasion = messages.getMessage("care.occasion." + t.occasion(), null, locale)
                            + (t.occasionName() == null ? "" : " " + t.occasionName());
                    if (!sink.row(t.customerCode(), t.customerName(), t.contactName(), occasion,
                            formats.date(t.occasionOn()), t.assigneeName(),
                            messages.getMessage("care.state." + t.state(), null, locale), t.gift(), t.cost(),
                            t.doneOn() == null ? "" : formats.date(t.doneOn()), t.note(), t.decidedBy())) {
                        return;
                    }
                }
            });
    }
}
