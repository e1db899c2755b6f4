package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.dashboard.application.Dashboards;
import com.keyaccount.crm.dashboard.application.Overview.CurvePoint;
import com.keyaccount.crm.dashboard.application.Overview.Group;
import com.keyaccount.crm.dashboard.application.Overview;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.web.SpreadsheetCells;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The overview: tiers, revenue concentration, regions and industries, for the whole book
 * (directors, admins) or one's own (account managers), every chart with its table and a CSV.
 */
@Controller
@RequiredArgsConstructor
class DashboardController {

    private static final String[] CSV_HEADER = {"section", "key", "label", "customers", "revenue", "customer_share",
        "revenue_share"};

    private final Dashboards dashboards;
    private final Team team;
    private final MessageSource messages;

    @GetMapping("/dashboard")
    String overview(@ModelAttribute("query") DashboardQuery query, BindingResult result,
            Viewer viewer, Locale locale, Model model) {
        Overview overview = dashboards.overview(FilterChoices.filter(query, viewer));
        Charts charts = new Charts(messages, locale);
        model.addAttribute("overview", overview);
        model.addAttribute("badFilter", result.hasErrors());
        model.addAttribute("paretoChart", charts.pareto(overview));
        model.addAttribute("tierChart", charts.bars(overview.byTier(), tierLabel(locale)));
        model.addAttribute("regionChart", charts.bars(overview.byRegion(), label("region.", locale)));
        model.addAttribute("industryChart", charts.bars(overview.byIndustry(), label("industry.", locale)));
        FilterChoices.addTo(model, viewer, team);
        return "dashboard/overview";
    }

    /** The numbers behind every chart on the page, for the same filter. */
    @GetMapping("/dashboard.csv")
    void csv(@ModelAttribute("query") DashboardQuery query, BindingResult result,
            Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        Overview overview = dashboards.overview(FilterChoices.filter(query, viewer));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("dashboard.csv", StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get());
        print(csv, "tier", overview.byTier(), tierLabel(locale));
        print(csv, "region", overview.byRegion(), label("region.", locale));
        print(csv, "industry", overview.byIndustry(), label("industry.", locale));
        for (CurvePoint p : overview.curve()) {
            csv.printRecord("pareto", p.rank(), "", p.rank(), p.cumulative().toPlainString(),
                    String.format(Locale.ROOT, "%.4f", p.customerShare()),
                    String.format(Locale.ROOT, "%.4f", p.revenueShare()));
        }
        csv.flush();
    }

    private static void print(CSVPrinter csv, String section, List<Group> groups, Function<String, String> label)
            throws IOException {
        for (Group g : groups) {
            csv.printRecord(section, g.key() == null ? "" : g.key(), SpreadsheetCells.neutralise(label.apply(g.key())),
                    g.customers(), g.revenue().toPlainString(), "", "");
        }
    }

    private Function<String, String> tierLabel(Locale locale) {
        return key -> key == null ? messages.getMessage("dashboard.unclassified", null, locale)
                : messages.getMessage("tier." + key, null, locale);
    }

    private Function<String, String> label(String prefix, Locale locale) {
        return key -> messages.getMessage(prefix + key, null, key, locale);
    }
}
