package com.keyaccount.crm.lost.web;

import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.lost.application.CustomerLoss;
import com.keyaccount.crm.lost.application.LostCustomers;
import com.keyaccount.crm.lost.application.Retention;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.Formats;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Lost customers of a year with their reasons and interviews, churn and retention, and the export. */
@Controller
@RequiredArgsConstructor
class LostCustomersController {

    private final LostCustomers lost;
    private final Retention retention;
    private final ViewExports views;
    private final MessageSource messages;
    private final Formats formats;

    @GetMapping("/lost-customers")
    String page(@RequestParam(required = false) Integer year, Viewer viewer, Model model) {
        int shown = year(year);
        lost.catchUp();
        model.addAttribute("retention", retention.of(viewer, shown));
        model.addAttribute("losses", lost.lostBetween(viewer, LocalDate.of(shown, 1, 1), LocalDate.of(shown, 12, 31)));
        model.addAttribute("year", shown);
        model.addAttribute("thisYear", lost.today().getYear());
        return "lost/list";
    }

    @GetMapping("/lost-customers/export.{format:csv|xlsx}")
    void export(@PathVariable String format, @RequestParam(required = false) Integer year, Viewer viewer,
            Locale locale, HttpServletResponse response) throws IOException {
        int shown = year(year);
        lost.catchUp();
        var losses = lost.lostBetween(viewer, LocalDate.of(shown, 1, 1), LocalDate.of(shown, 12, 31));
        views.send(viewer, "lost-customers", format, new String[] {"code", "name", "owner", "tier", "lost_on",
            "reason", "competitor", "note", "interview_due", "interview_done", "interview_competitor", "interview_why",
            "come_back", "interview_notes"}, locale, response, sink -> {
                for (CustomerLoss l : losses) {
                    if (!sink.row(l.customerCode(), l.customerName(), l.ownerName(),
                            l.tier() == null ? "" : messages.getMessage("tier." + l.tier(), null, locale),
                            formats.date(l.lostOn()), messages.getMessage("lost.reason." + l.reason(), null, locale),
                            l.competitor(), l.note(), l.interviewDueOn() == null ? "" : formats.date(l.interviewDueOn()),
                            l.interviewDoneOn() == null ? "" : formats.date(l.interviewDoneOn()),
                            l.interviewCompetitor(), l.interviewWhy(), l.comeBack() == null ? ""
                                    : messages.getMessage("lost.comeBack." + l.comeBack(), null, locale),
                            l.interviewNotes())) {
                        return;
                    }
                }
            });
    }

    private int year(Integer asked) {
        int now = lost.today().getYear();
        return asked == null || asked < 2000 || asked > now ? now : asked;
    }
}
