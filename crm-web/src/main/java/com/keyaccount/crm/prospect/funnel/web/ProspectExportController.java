package com.keyaccount.crm.prospect.funnel.web;

import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.prospect.funnel.Funnel;
import com.keyaccount.crm.prospect.funnel.Funnel.Group;
import com.keyaccount.crm.prospect.funnel.Funnel.Reason;
import com.keyaccount.crm.prospect.funnel.Funnel.StageRow;
import com.keyaccount.crm.prospect.funnel.Funnels;
import com.keyaccount.crm.prospect.funnel.ProspectList;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.Formats;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Export this view" of the prospect list (its filters and sort, every page) and of the funnel's
 * tables (its filters and period), in the reader's language: stages by name, classes and
 * reasons in words, numbers as numbers.
 */
@Controller
@RequiredArgsConstructor
class ProspectExportController {

    static final String[] LIST_COLUMNS = {"name", "owner", "stage_name", "close_class_name", "priority_name",
        "expected_monthly", "days_at_stage", "last_contact_on", "refusal_reason_name"};
    static final String[] FUNNEL_COLUMNS = {"breakdown", "group", "class_name", "prospect_count", "stuck_count",
        "open_count", "refused_count", "won_count", "stays_count", "moved_up_count", "conversion_share",
        "median_stay_days"};

    private final ProspectList prospects;
    private final Funnels funnels;
    private final ViewExports views;
    private final MessageSource messages;
    private final Formats fmt;

    @GetMapping("/prospects/export.{format:csv|xlsx}")
    void list(@PathVariable String format, @ModelAttribute("query") ProspectListQuery query, BindingResult ignored,
            Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        ProspectWords words = new ProspectWords(messages, locale, funnels.names());
        views.send(viewer, "prospect-list", format, LIST_COLUMNS, locale, response, sink -> {
            boolean[] full = {false};
            try {
                prospects.each(query.criteria(viewer), query.sortKey(), query.descending(), ViewExports.MAX_ROWS + 1,
                        r -> full[0] = full[0] || !row(sink, words, r));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }

    /** Whether the file takes more rows. */
    private boolean row(ViewExports.Sink sink, ProspectWords words, ProspectList.Row r) {
        try {
            return sink.row(r.name(), r.owner(), words.stage(r.stage()), words.close(r.closeClass()),
                    words.priority(r.priority()), r.expectedMonthlyValue(), r.daysInStage(), fmt.date(r.lastContact()),
                    words.reason(r.reason()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/prospects/funnel/export.{format:csv|xlsx}")
    void funnel(@PathVariable String format, @Valid @ModelAttribute("query") FunnelQuery query, BindingResult ignored,
            Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        query.settle(funnels.today());
        Funnel funnel = funnels.funnel(query.filter(viewer));
        ProspectWords words = new ProspectWords(messages, locale, funnel.names());
        views.send(viewer, "prospect-funnel", format, FUNNEL_COLUMNS, locale, response, sink -> {
            String byStage = words.text("funnel.export.stages");
            for (StageRow s : funnel.stages()) {
                sink.row(byStage, words.stage(s.code()), null, s.now(), s.stuck(), null, null, null, s.stood(),
                        s.movedUp(), s.conversion(), s.medianDays() == null ? null : round(s.medianDays()));
            }
            matrix(sink, words, funnel, words.text("funnel.byClose"), Funnel.CLOSE_CLASSES, true);
            matrix(sink, words, funnel, words.text("funnel.byPriority"), Funnel.PRIORITY_CLASSES, false);
            if (viewer.seesOthers()) {
                groups(sink, words.text("funnel.byManager"), funnel.byManager(), false, words);
            }
            groups(sink, words.text("funnel.byRegion"), funnel.byRegion(), true, words);
            Group t = funnel.total();
            sink.row(words.text("funnel.total"), "", null, t.prospects(), t.stuck(), t.open(), t.refused(), t.won());
            String byReason = words.text("funnel.reasons");
            for (Reason r : funnel.reasons()) {
                sink.row(byReason, words.reason(r.reason()), null, r.count());
            }
        });
    }

    private static void matrix(ViewExports.Sink sink, ProspectWords words, Funnel funnel, String breakdown,
            List<String> classes, boolean close) throws IOException {
        for (StageRow s : funnel.stages()) {
            for (String c : classes) {
                long n = close ? funnel.closeCount(s.code(), c) : funnel.priorityCount(s.code(), c);
                sink.row(breakdown, words.stage(s.code()), close ? words.close(c) : words.priority(c), n);
            }
        }
    }

    private static void groups(ViewExports.Sink sink, String breakdown, List<Group> groups, boolean regions,
            ProspectWords words) throws IOException {
        for (Group g : groups) {
            sink.row(breakdown, regions ? words.region(g.key()) : g.label(), null, g.prospects(), g.stuck(), g.open(),
                    g.refused(), g.won());
        }
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }
}
