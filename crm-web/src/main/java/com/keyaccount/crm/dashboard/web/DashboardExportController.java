package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.attainment.application.Coverage;
import com.keyaccount.crm.attainment.application.Coverages;
import com.keyaccount.crm.churn.application.ChurnWarning;
import com.keyaccount.crm.churn.application.ChurnWarnings;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.dashboard.application.Migrations;
import com.keyaccount.crm.dashboard.application.Migrations.Mover;
import com.keyaccount.crm.dashboard.application.TierMigrations;
import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.scoring.churn.ChurnSignal;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.Formats;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** "Export this view" of the churn, coverage and migrations pages: their rows for the same filters, every page. */
@Controller
@RequiredArgsConstructor
class DashboardExportController {

    private final ChurnWarnings churn;
    private final Coverages coverages;
    private final TierMigrations migrations;
    private final ViewExports views;
    private final MessageSource messages;
    private final Formats fmt;
    private final Clock clock;
    private final ZoneId businessZone;

    @GetMapping("/dashboard/churn/export.{format:csv|xlsx}")
    void churn(@PathVariable String format, @ModelAttribute("query") DashboardQuery query, BindingResult ignored,
            Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        List<ChurnWarning> warnings = churn.all(FilterChoices.filter(query, viewer));
        views.send(viewer, "churn", format, new String[] {"code", "name", "tier", "owner", "revenue_at_risk", "signals"},
                locale, response, sink -> {
                    for (ChurnWarning w : warnings) {
                        if (!sink.row(w.code(), w.name(), w.tier(), w.owner(), w.revenueAtRisk(), signals(w, locale))) {
                            return;
                        }
                    }
                });
    }

    @GetMapping("/dashboard/coverage/export.{format:csv|xlsx}")
    void coverage(@PathVariable String format, @ModelAttribute("query") DashboardQuery query, BindingResult ignored,
            @RequestParam(defaultValue = "90") int days, Viewer viewer, Locale locale, HttpServletResponse response)
            throws IOException {
        int window = CoverageController.WINDOWS.contains(days) ? days : 90;
        Coverage coverage = coverages.of(FilterChoices.filter(query, viewer), window);
        String byManager = messages.getMessage("coverage.by.manager", null, locale);
        String byTier = messages.getMessage("coverage.by.tier", null, locale);
        views.send(viewer, "coverage", format, new String[] {"breakdown", "group", "customers", "overdue", "not_contacted"},
                locale, response, sink -> {
                    for (Coverage.Line l : coverage.byManager()) {
                        sink.row(byManager, l.key(), l.customers(), l.overdue(), l.notContacted());
                    }
                    for (Coverage.Line l : coverage.byTier()) {
                        sink.row(byTier, tier(l.key(), locale), l.customers(), l.overdue(), l.notContacted());
                    }
                    Coverage.Line t = coverage.total();
                    sink.row(messages.getMessage("coverage.total", null, locale), "", t.customers(), t.overdue(),
                            t.notContacted());
                });
    }

    /** The customers behind the chosen cell or moves, all of them; without one, the matrix's cells. */
    @GetMapping("/dashboard/migrations/export.{format:csv|xlsx}")
    void migrations(@PathVariable String format, @Valid @ModelAttribute("query") MigrationsQuery query,
            BindingResult result, Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        query.defaults(LocalDate.now(clock.withZone(businessZone)));
        if (result.hasErrors()) {
            query.setFrom(null);
            query.setTo(null);
            query.defaults(LocalDate.now(clock.withZone(businessZone)));
        }
        DashboardFilter filter = FilterChoices.filter(query, viewer);
        String[] columns = {"code", "name", "owner", "from_tier", "to_tier", "customers"};
        List<Mover> movers = null;
        if (query.getFromTier() != null && query.getToTier() != null
                && Migrations.TIERS.contains(query.getFromTier()) && Migrations.TIERS.contains(query.getToTier())) {
            movers = migrations.movers(filter, query.getFrom(), query.getTo(), query.getFromTier(), query.getToTier(),
                    ViewExports.MAX_ROWS + 1);
        } else if ("up".equals(query.getMoved()) || "down".equals(query.getMoved())) {
            movers = migrations.moves(filter, query.getFrom(), query.getTo(), "up".equals(query.getMoved()),
                    ViewExports.MAX_ROWS + 1);
        }
        List<Mover> listed = movers;
        Migrations matrix = listed == null ? migrations.matrix(filter, query.getFrom(), query.getTo()) : null;
        views.send(viewer, "migrations", format, columns, locale, response, sink -> {
            if (listed != null) {
                for (Mover m : listed) {
                    if (!sink.row(m.code(), m.name(), m.owner(), tier(m.fromTier(), locale), tier(m.toTier(), locale), null)) {
                        return;
                    }
                }
                return;
            }
            for (String f : Migrations.TIERS) {
                for (String t : Migrations.TIERS) {
                    sink.row(null, null, null, tier(f, locale), tier(t, locale), matrix.count(f, t));
                }
            }
        });
    }

    private String tier(String key, Locale locale) {
        return key == null || "-".equals(key) ? messages.getMessage("dashboard.unclassified", null, locale)
                : messages.getMessage("tier." + key, null, key, locale);
    }

    /** The signals as the page words them, one after another. */
    private String signals(ChurnWarning w, Locale locale) {
        StringBuilder text = new StringBuilder();
        for (ChurnSignal s : w.signals()) {
            String line;
            if (s instanceof ChurnSignal.RevenueDrop r) {
                line = messages.getMessage("churn.revenue",
                        new Object[] {r.percent(), fmt.money(r.before()), fmt.money(r.now())}, locale)
                        + (r.withCreditNotes() ? " " + messages.getMessage("churn.creditNotes",
                                new Object[] {fmt.money(r.creditNotes())}, locale) : "");
            } else if (s instanceof ChurnSignal.SlowerPayment p) {
                line = messages.getMessage("churn.payment", new Object[] {p.before(), p.now()}, locale);
            } else if (s instanceof ChurnSignal.Silence q) {
                line = messages.getMessage("churn.silence", new Object[] {q.days(), q.interval()}, locale);
            } else if (s instanceof ChurnSignal.ComplaintOverdue k) {
                line = messages.getMessage("churn.complaintOverdue",
                        new Object[] {k.complaints(), fmt.date(k.missedOn()), k.daysPast()}, locale);
            } else if (s instanceof ChurnSignal.SatisfactionDrop q) {
                line = messages.getMessage("churn.satisfactionDrop", new Object[] {q.points().toPlainString(),
                    q.before().toPlainString(), q.latest().toPlainString(), fmt.date(q.on())}, locale);
            } else {
                ChurnSignal.Downgrade d = (ChurnSignal.Downgrade) s;
                line = messages.getMessage("churn.downgrade", new Object[] {fmt.date(d.on()),
                    tier(d.from().name(), locale), tier(d.to().name(), locale)}, locale);
            }
            text.append(text.isEmpty() ? "" : "; ").append(line);
        }
        return text.toString();
    }
}
