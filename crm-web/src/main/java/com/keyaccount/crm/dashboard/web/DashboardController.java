package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.churn.application.ChurnWarnings;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.dashboard.application.Dashboards;
import com.keyaccount.crm.dashboard.application.KeyFigures;
import com.keyaccount.crm.dashboard.application.KeyFigures.Month;
import com.keyaccount.crm.dashboard.application.Overview;
import com.keyaccount.crm.dashboard.application.ServiceCards;
import com.keyaccount.crm.productline.ProductLine;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
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
 * (directors, admins) or one's own (account managers), all sales or one product line's, every
 * chart with its table and a CSV.
 */
@Controller
@RequiredArgsConstructor
class DashboardController {

    private final Dashboards dashboards;
    private final KeyFigures keyFigures;
    private final ChurnWarnings churn;
    private final Team team;
    private final MessageSource messages;
    /** The service panel (dashboard/service.html). */
    private final ServiceCards serviceCards;
    private final ZoneId businessZone;

    @GetMapping("/dashboard")
    String overview(@ModelAttribute("query") DashboardQuery query, BindingResult result,
            Viewer viewer, Locale locale, HttpServletRequest request, Model model) {
        Optional<ProductLine> line = productLine(query);
        boolean unknownLine = query.getProductLine() != null && line.isEmpty();
        if (unknownLine) {
            query.setProductLine(null);
        }
        DashboardFilter filter = filter(query, line, viewer);
        Overview overview = dashboards.overview(filter);
        List<Month> trend = keyFigures.trend(filter);
        DrillLinks links = new DrillLinks(request.getContextPath(), query, overview, viewer.seesOthers());
        Charts charts = new Charts(messages, locale);
        model.addAttribute("overview", overview);
        model.addAttribute("kpis", keyFigures.kpis(overview));
        // churn signals read all sales, so the count leaves the product line aside (the card says so)
        ChurnWarnings.Counts churnCounts = churn.counts(FilterChoices.filter(query, viewer));
        model.addAttribute("churnWarnings", churnCounts.total());
        model.addAttribute("churnCounts", churnCounts);
        model.addAttribute("trend", trend);
        model.addAttribute("links", links);
        model.addAttribute("trendChart", charts.trend(trend, overview.curveOnMargin(), links::month));
        model.addAttribute("productLine", line.orElse(null));
        model.addAttribute("productLines", dashboards.productLines());
        model.addAttribute("badFilter", result.hasErrors() || unknownLine);
        model.addAttribute("paretoChart", charts.pareto(overview));
        model.addAttribute("tierChart", charts.bars(overview.byTier(), tierLabel(locale), links::tier));
        model.addAttribute("regionChart", charts.bars(overview.byRegion(), label("region.", locale), links::region));
        model.addAttribute("industryChart", charts.bars(overview.byIndustry(), label("industry.", locale),
                links::industry));
        // the service panel: complaints of the period, satisfaction, and churn and retention in the period's year
        ServiceCards.Cards service = serviceCards.of(viewer, overview.from().atStartOfDay(businessZone).toInstant(),
                overview.to().plusDays(1).atStartOfDay(businessZone).toInstant(), overview.to().getYear());
        model.addAttribute("servicePanel", service.complaints());
        model.addAttribute("satisfactionPanel", service.satisfaction());
        model.addAttribute("retention", service.retention());
        FilterChoices.addTo(model, viewer, team);
        return "dashboard/overview";
    }

    /** The numbers behind every chart on the page, for the same filter (an unknown product line is ignored). */
    @GetMapping("/dashboard.csv")
    void csv(@ModelAttribute("query") DashboardQuery query, BindingResult result,
            Viewer viewer, Locale locale, HttpServletResponse response) throws IOException {
        Overview overview = dashboards.overview(filter(query, productLine(query), viewer));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("dashboard.csv", StandardCharsets.UTF_8).build().toString());
        DashboardCsv.write(overview, response.getOutputStream(), tierLabel(locale), label("region.", locale),
                label("industry.", locale));
    }

    private Optional<ProductLine> productLine(DashboardQuery query) {
        return query.getProductLine() == null ? Optional.empty() : dashboards.productLine(query.getProductLine());
    }

    private static DashboardFilter filter(DashboardQuery query, Optional<ProductLine> line, Viewer viewer) {
        return DashboardFilter.of(viewer, query.getRegion(), query.getIndustry(), query.getOwner(),
                line.map(ProductLine::getId).orElse(null));
    }

    private Function<String, String> tierLabel(Locale locale) {
        return key -> key == null ? messages.getMessage("dashboard.unclassified", null, locale)
                : messages.getMessage("tier." + key, null, locale);
    }

    private Function<String, String> label(String prefix, Locale locale) {
        return key -> messages.getMessage(prefix + key, null, key, locale);
    }
}
