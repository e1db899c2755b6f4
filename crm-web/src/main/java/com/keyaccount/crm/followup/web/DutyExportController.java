package com.keyaccount.crm.followup.web;

import static com.keyaccount.crm.followup.web.AttainmentExportController.share;

import com.keyaccount.crm.duty.application.DutyAttainment;
import com.keyaccount.crm.duty.application.DutyReport;
import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** "Export this view" of attainment's duties per role (issue 19): a line a person, as on the page. */
@Controller
@RequiredArgsConstructor
class DutyExportController {

    private final DutyAttainment duties;
    private final ViewExports views;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId businessZone;

    @GetMapping("/attainment/duties.{format:csv|xlsx}")
    void export(@PathVariable String format, @Valid @ModelAttribute("query") AttainmentQuery query,
            BindingResult result, Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        query = query.orMonthToDate(result.hasErrors(), LocalDate.now(clock.withZone(businessZone)));
        DutyReport report = duties.of(viewer, query.getFrom(), query.getTo(), query.getManager());
        views.send(viewer, "duties", format, new String[] {"person", "role", "key_accounts", "duty_visits_required",
            "duty_visits_made", "duty_visits_attained", "duty_calls_required", "duty_calls_made", "duty_calls_attained",
            "days_at_key_accounts", "days_at_key_accounts_required"}, locale, response, sink -> {
                for (DutyReport.Line l : report.people()) {
                    sink.row(l.name(), messages.getMessage("userrole." + l.role(), null, locale), l.keyAccounts(),
                            l.visits().required(), l.visits().counted(), share(l.visits()), l.calls().required(),
                            l.calls().counted(), share(l.calls()), l.daysAtKeyAccounts(), l.daysRequired());
                }
            });
    }
}
