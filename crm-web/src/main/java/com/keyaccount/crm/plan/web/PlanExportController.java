package com.keyaccount.crm.plan.web;

import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.plan.AccountPlans;
import com.keyaccount.crm.plan.Quarter;
import com.keyaccount.crm.plan.application.PlanBoard;
import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Export this view" of the quarter's account plans: every account of the list as shown (quarter,
 * state, manager), not only its page, in the list's order.
 */
@Controller
class PlanExportController {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PlanBoard board;
    private final AccountPlans plans;
    private final ViewExports views;
    private final MessageSource messages;
    private final ZoneId businessZone;

    PlanExportController(PlanBoard board, AccountPlans plans, ViewExports views, MessageSource messages,
            ZoneId businessZone) {
        this.board = board;
        this.plans = plans;
        this.views = views;
        this.messages = messages;
        this.businessZone = businessZone;
    }

    @GetMapping("/plans/export.{format:csv|xlsx}")
    void export(@PathVariable String format, @RequestParam(required = false) String quarter,
            @RequestParam(required = false) String shown, @RequestParam(required = false) Long owner, Viewer viewer,
            Locale locale, HttpServletResponse response) throws IOException {
        Quarter q = Quarter.parse(quarter).orElseGet(plans::currentQuarter);
        PlanBoard.Shown s = PlanListController.shown(shown);
        String quarterText = messages.getMessage("plan.quarter", new Object[] {String.valueOf(q.year()), q.number()},
                locale);
        var rows = board.all(viewer, q, s, viewer.seesOthers() ? owner : null, ViewExports.MAX_ROWS + 1);
        views.send(viewer, "plans", format, new String[] {"quarter", "code", "name", "manager", "plan_status",
            "plan_updated_at", "plan_expected_revenue"}, locale, response, sink -> {
                for (PlanBoard.Row r : rows) {
                    if (!sink.row(quarterText, r.code(), r.name(), r.ownerName(),
                            messages.getMessage(r.status() == null ? "plan.shown.NONE" : "plan.status." + r.status(),
                                    null, locale),
                            r.updatedAt() == null ? null : MINUTES.format(r.updatedAt().atZone(businessZone)),
                            r.expectedRevenue())) {
                        return;
                    }
                }
            });
    }
}
