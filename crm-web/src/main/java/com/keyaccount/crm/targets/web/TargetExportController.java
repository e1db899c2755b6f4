package com.keyaccount.crm.targets.web;

import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.scoring.targets.Measure;
import com.keyaccount.crm.targets.TargetPeriod;
import com.keyaccount.crm.targets.application.TargetBoard;
import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Export this view" of the targets board: each person the viewer sees in rank order, the team's
 * sums, then the units, each measure as done, target, attained, the year before and growth.
 */
@Controller
class TargetExportController {

    private static final List<String> MEASURES = List.of("revenue", "orders", "new_key_accounts", "buying_customers");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TargetBoard board;
    private final ViewExports views;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    TargetExportController(TargetBoard board, ViewExports views, MessageSource messages, Clock clock,
            ZoneId businessZone) {
        this.board = board;
        this.views = views;
        this.messages = messages;
        this.clock = clock;
        this.zone = businessZone;
    }

    @GetMapping("/targets/export.{format:csv|xlsx}")
    void export(@PathVariable String format, @RequestParam(required = false) String period, Viewer viewer,
            Locale locale, HttpServletResponse response) throws IOException {
        TargetPeriod p = TargetController.period(period, clock, zone);
        TargetBoard.Board b = board.of(viewer, p);
        String periodText = p.quarter() != null
                ? messages.getMessage("plan.quarter", new Object[] {String.valueOf(p.year()), p.quarter()}, locale)
                : messages.getMessage("targets.year", new Object[] {String.valueOf(p.year())}, locale);
        List<String> columns = new ArrayList<>(List.of("period", "group", "name", "rank"));
        MEASURES.forEach(m -> Stream.of("actual", "target", "attained", "year_before", "growth")
                .forEach(part -> columns.add(m + "_" + part)));
        String person = messages.getMessage("targets.export.person", null, locale);
        views.send(viewer, "targets", format, columns.toArray(String[]::new), locale, response, sink -> {
            for (TargetBoard.Row r : b.rows()) {
                if (!sink.row(row(periodText, person, r.name(), r.rank(), r.revenue(), r.orders(), r.newKeyAccounts(),
                        r.buyingCustomers()))) {
                    return;
                }
            }
            String team = messages.getMessage("targets.team", null, locale);
            if (b.team() != null && !sink.row(row(periodText, team, team, null, b.team().revenue(), b.team().orders(), b.team().newKeyAccounts(),
                    b.team().buyingCustomers()))) {
                return;
            }
            for (TargetBoard.UnitRow u : b.units()) {
                if (!sink.row(row(periodText, messages.getMessage("unitkind." + u.kind(), null, locale), u.name(),
                        u.rank(), u.revenue(), u.orders(), u.newKeyAccounts(), u.buyingCustomers()))) {
                    return;
                }
            }
        });
    }

    private static Object[] row(String period, String group, String name, Integer rank, Measure... measures) {
        List<Object> cells = new ArrayList<>(List.of(period, group, name));
        cells.add(rank);
        for (Measure m : measures) {
            cells.add(m.actual());
            cells.add(m.target());
            cells.add(fraction(m.attainedPercent()));
            cells.add(m.yearBefore());
            cells.add(fraction(m.growthPercent()));
        }
        return cells.toArray();
    }

    /** The workbook's percent format shows a fraction: 87.5 % is 0.875. */
    private static BigDecimal fraction(BigDecimal percent) {
        return percent == null ? null : percent.divide(HUNDRED, 3, RoundingMode.HALF_UP);
    }
}
