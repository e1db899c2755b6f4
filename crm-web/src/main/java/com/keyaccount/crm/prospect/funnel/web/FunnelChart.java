package com.keyaccount.crm.prospect.funnel.web;

import com.keyaccount.crm.prospect.funnel.Funnel;
import com.keyaccount.crm.prospect.funnel.Funnel.StageRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funnel as an ECharts bar chart, the ladder from top to bottom: per stage the prospects there
 * now and the stays there during the period, each bar a link to the prospects behind it (the
 * dashboard's script opens it). Data only, no functions, so it travels in a data attribute under
 * the strict CSP.
 */
final class FunnelChart {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FunnelChart() {
    }

    static String of(Funnel funnel, ProspectWords words, FunnelLinks links) {
        List<StageRow> stages = funnel.stages().stream().filter(s -> s.inLadder() || s.now() > 0 || s.stood() > 0)
                .toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("aria", Map.of("enabled", true));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 8, "right", 16, "bottom", 8, "top", 40, "containLabel", true));
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("yAxis", Map.of("type", "category", "inverse", true,
                "data", stages.stream().map(s -> words.stage(s.code())).toList()));
        option.put("series", List.of(
                series(words.text("funnel.now"), stages.stream().map(s -> item(s.now(), links.stage(s.code()))).toList()),
                series(words.text("funnel.stood"),
                        stages.stream().map(s -> item(s.stood(), links.period("stood", s.code()))).toList())));
        return JSON.writeValueAsString(option);
    }

    private static Map<String, Object> series(String name, List<Map<String, Object>> data) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "bar");
        series.put("name", name);
        series.put("data", data);
        return series;
    }

    private static Map<String, Object> item(long value, String url) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("value", value);
        item.put("url", url);
        return item;
    }
}
