package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.dashboard.application.KeyFigures.Month;
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
 * ECharts options built from the same figures the tables show, with labels in the reader's
 * language. A bar or month carries {@code url}, the customers behind it, which the page's script
 * opens on a click; a series marked {@code money} is shown as yuan in the tooltip. Options hold
 * data only (no functions), so they travel in a data attribute under the strict CSP.
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
        List<List<Double>> points = new ArrayList<>();
        points.add(List.of(0.0, 0.0));
        for (CurvePoint p : overview.curve()) {
            points.add(List.of(round(p.customerShare() * 100), round(p.share() * 100)));
        }
        boolean margin = overview.curveOnMargin();
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(series("line", text(margin ? "dashboard.margin.pareto.curve" : "dashboard.pareto.curve"), points,
                Map.of("showSymbol", false, "percent", true)));
        cutoff(series, overview.cutoffA(), "dashboard.pareto.cutoffA");
        cutoff(series, overview.cutoffB(), "dashboard.pareto.cutoffB");
        Map<String, Object> option = base();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", percentAxis(text("dashboard.pareto.customerShare")));
        option.put("yAxis", percentAxis(text(margin ? "dashboard.margin.pareto.share" : "dashboard.pareto.revenueShare")));
        option.put("series", series);
        return json(option);
    }

    /** Customers and net revenue (and margin, where any line has one) per group, each bar a link. */
    String bars(List<Group> groups, Function<String, String> label, Function<String, String> link) {
        List<String> labels = groups.stream().map(g -> label.apply(g.key())).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(series("bar", text("dashboard.customers"),
                groups.stream().map(g -> item(g.customers(), link.apply(g.key()))).toList(), Map.of()));
        series.add(series("bar", text("dashboard.revenue"),
                groups.stream().map(g -> item(g.revenue(), link.apply(g.key()))).toList(),
                Map.of("yAxisIndex", 1, "money", true)));
        boolean margin = groups.stream().anyMatch(g -> g.margin() != null);
        if (margin) {
            // a group without margin is drawn as no bar (null), not as a margin of zero
            series.add(series("bar", text("dashboard.margin"),
                    groups.stream().map(g -> item(g.margin(), link.apply(g.key()))).toList(),
                    Map.of("yAxisIndex", 1, "money", true)));
        }
        Map<String, Object> option = base();
        option.put("tooltip", Map.of("trigger", "axis"));
        // every group named, slanted when there are many
        option.put("xAxis", Map.of("type", "category", "data", labels,
                "axisLabel", Map.of("interval", 0, "rotate", labels.size() > 4 ? 30 : 0)));
        option.put("yAxis", List.of(valueAxis(), valueAxis()));
        option.put("series", series);
        return json(option);
    }

    /** Net revenue per month (and gross margin beside it when the tiers rank by margin), each month a link. */
    String trend(List<Month> months, boolean margin, Function<Month, String> link) {
        List<String> labels = months.stream().map(m -> m.month().toString()).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(series("bar", text("dashboard.trend.revenue"),
                months.stream().map(m -> item(m.revenue(), link.apply(m))).toList(), Map.of("money", true)));
        if (margin) {
            series.add(series("line", text("dashboard.margin"),
                    months.stream().map(m -> item(m.margin(), link.apply(m))).toList(), Map.of("money", true)));
        }
        series.add(series("line", text("dashboard.trend.customers"),
                months.stream().map(m -> item(m.customers(), link.apply(m))).toList(), Map.of("yAxisIndex", 1)));
        Map<String, Object> option = base();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Map.of("type", "category", "data", labels));
        option.put("yAxis", List.of(valueAxis(), valueAxis()));
        option.put("series", series);
        return json(option);
    }

    private Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("aria", Map.of("enabled", true));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 8, "right", 8, "bottom", 8, "top", 56, "containLabel", true));
        return option;
    }

    private static Map<String, Object> series(String type, String name, Object data, Map<String, Object> more) {
        Map<String, Object> series = new LinkedHashMap<>(more);
        series.put("type", type);
        series.put("name", name);
        series.put("data", data);
        return series;
    }

    private static Map<String, Object> item(Object value, String url) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("value", value instanceof BigDecimal money ? money.doubleValue() : value);
        item.put("url", url);
        return item;
    }

    private void cutoff(List<Map<String, Object>> series, BigDecimal cutoff, String key) {
        if (cutoff != null) {
            double y = cutoff.doubleValue() * 100;
            series.add(series("line", messages.getMessage(key, new Object[] {Math.round(y)}, locale),
                    List.of(List.of(0.0, round(y)), List.of(100.0, round(y))),
                    Map.of("showSymbol", false, "percent", true, "lineStyle", Map.of("type", "dashed", "width", 1))));
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Map<String, Object> percentAxis(String title) {
        return Map.of("type", "value", "min", 0, "max", 100, "name", title, "nameLocation", "middle", "nameGap", 28);
    }

    /** No axis name: the legend names each series, and a long name would be cut at the chart's edge. */
    private static Map<String, Object> valueAxis() {
        return Map.of("type", "value");
    }

    private String text(String key) {
        return messages.getMessage(key, null, locale);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
