package com.keyaccount.crm.followup.web;

import com.keyaccount.crm.attainment.application.AttainmentReport;
import com.keyaccount.crm.attainment.application.Attainments;
import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.scoring.schedule.Attainment.Tally;
import com.keyaccount.crm.scoring.service.ServiceKpi;
import com.keyaccount.crm.scoring.service.ServiceKpi.OnTime;
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

/**
 * "Export this view" of attainment: the per-manager and per-tier tables of the period on screen,
 * service (complaints on time, satisfaction, NPS) included.
 */
@Controller
@RequiredArgsConstructor
class AttainmentExportController {

    private final Attainments attainments;
    private final ViewExports views;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId businessZone;

    @GetMapping("/attainment/export.{format:csv|xlsx}")
    void export(@PathVariable String format, @Valid @ModelAttribute("query") AttainmentQuery query,
            BindingResult result, Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        query = query.orMonthToDate(result.hasErrors(), LocalDate.now(clock.withZone(businessZone)));
        AttainmentReport report = attainments.report(viewer, query.getFrom(), query.getTo(), query.getManager(),
                query.isVerifiedOnly());
        String byManager = messages.getMessage("attainment.byManager", null, locale);
        String byTier = messages.getMessage("attainment.byTier", null, locale);
        String total = messages.getMessage("attainment.total", null, locale);
        views.send(viewer, "attainment", format, new String[] {"breakdown", "group", "customers", "required_contacts",
            "made_contacts", "contacts_attained", "required_visits", "made_visits", "visits_attained", "visits_all",
            "visits_verified", "minutes_on_site", "days_at_customers", "complaints_answer_due", "complaints_answered_on_time", "complaints_answered_on_time_share",
            "complaints_resolve_due", "complaints_resolved_on_time", "complaints_resolved_on_time_share",
            "surveys_answered", "satisfaction_average", "nps"}, locale, response,
                sink -> {
                    for (AttainmentReport.Line l : report.byManager()) {
                        row(sink, byManager, l.managerName(), l);
                    }
                    for (AttainmentReport.Line l : report.byTier()) {
                        row(sink, byTier, messages.getMessage("tier." + l.tier(), null, locale), l);
                    }
                    row(sink, total, "", report.total());
                });
    }

    private static void row(ViewExports.Sink sink, String breakdown, String group, AttainmentReport.Line l)
            throws IOException {
        ServiceKpi service = l.service();
        sink.row(breakdown, group, l.customers(), l.contacts().required(), l.contacts().made(), share(l.contacts()),
                l.visits().required(), l.visits().made(), share(l.visits()), l.onSite().allVisits(),
                l.onSite().verifiedVisits(), l.onSite().minutesOnSite(), l.onSite().daysAtCustomers(),
                service.answered().due(), service.answered().met(), share(service.answered()), service.resolved().due(),
                service.resolved().met(), share(service.resolved()), service.responses(), service.averageScore(),
                service.npsScore());
    }

    /** An on-time share for the workbook's percent format; empty where nothing was due. */
    private static Double share(OnTime onTime) {
        return onTime.percent() == null ? null : onTime.percent() / 100.0;
    }

    /** A share for the workbook's percent format; empty where nothing was required. */
    static Double share(Tally tally) {
        return tally.percent() == null ? null : tally.percent() / 100.0;
    }
}
