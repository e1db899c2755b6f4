package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.dashboard.application.Overview;
import com.keyaccount.crm.dashboard.application.Overview.CurvePoint;
import com.keyaccount.crm.dashboard.application.Overview.Group;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chart.js configurations built from the same {@link Overview} the tables show, with labels in
 * the reader's language; the page's script only hands them to Chart.js.
 */
final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final Locale locale;

    Charts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String pareto(Overview overview) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(point(0, 0));
        for (CurvePoint p : overview.curve()) {
            points.add(point(p.customerShare() * 100, p.share() * 100));
        }
        boolean margin = overview.curveOnMargin();
        List<Map<String, Object>> datasets = new ArrayList<>();
        datasets.add(Map.of("label", text(margin ? "dashboard.margin.pareto.curve" : "dashboard.pareto.curve"),
                "data", points, "pointRadius", 0,
                "borderWidth", 2, "fill", false));
        cutoff(datasets, overview.cutoffA(), "dashboard.pareto.cutoffA");
        cutoff(datasets, overview.cutoffB(), "dashboard.pareto.cutoffB");
        return json(Map.of("type", "line", "data", Map.of("datasets", datasets), "options", Map.of(
                "animation", false, "parsing", false, "maintainAspectRatio", false,
                "scales", Map.of(
                        "x", axis("linear", text("dashboard.pareto.customerShare")),
                        "y", axis("linear", text(margin ? "dashboard.margin.pareto.share"
                                : "dashboard.pareto.revenueShare"))))));
    }

    String bars(List<Group> groups, Function<String, String> label) {
        List<String> labels = groups.stream().map(g -> label.apply(g.key())).toList();
        List<Long> customers = groups.stream().map(Group::customers).toList();
        List<BigDecimal> revenue = groups.stream().map(Group::revenue).toList();
        List<Map<String, Object>> datasets = new ArrayList<>(List.of(
                Map.of("label", text("dashboard.customers"), "data", customers, "yAxisID", "y"),
                Map.of("label", text("dashboard.revenue"), "data", revenue, "yAxisID", "y1")));
        boolean margin = groups.stream().anyMatch(g -> g.margin() != null);
        if (margin) {
            // a group without margin is drawn as no bar (null), not as a margin of zero
            datasets.add(Map.of("label", text("dashboard.margin"), "yAxisID", "y1",
                    "data", groups.stream().map(Group::margin).toList()));
        }
        return json(Map.of("type", "bar", "data", Map.of("labels", labels, "datasets", datasets),
                "options", Map.of("animation", false, "maintainAspectRatio", false, "scales", Map.of(
                        "y", Map.of("position", "left", "beginAtZero", true,
                                "title", Map.of("display", true, "text", text("dashboard.customers"))),
                        "y1", Map.of("position", "right", "beginAtZero", true, "grid", Map.of("drawOnChartArea", false),
                                "title", Map.of("display", true,
                                        "text", text(margin ? "dashboard.margin.axis" : "dashboard.revenue")))))));
    }

    private void cutoff(List<Map<String, Object>> datasets, BigDecimal cutoff, String key) {
        if (cutoff != null) {
            double y = cutoff.doubleValue() * 100;
            datasets.add(Map.of("label", messages.getMessage(key, new Object[] {Math.round(y)}, locale),
                    "data", List.of(point(0, y), point(100, y)), "pointRadius", 0, "borderWidth", 1,
                    "borderDash", List.of(6, 4), "fill", false));
        }
    }

    private static Map<String, Object> point(double x, double y) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("x", Math.round(x * 10) / 10.0);
        point.put("y", Math.round(y * 10) / 10.0);
        return point;
    }

    private static Map<String, Object> axis(String type, String title) {
        return Map.of("type", type, "min", 0, "max", 100, "title", Map.of("display", true, "text", title));
    }

    private String text(String key) {
        return messages.getMessage(key, null, locale);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
