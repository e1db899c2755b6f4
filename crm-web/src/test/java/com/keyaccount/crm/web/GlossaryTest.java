package com.keyaccount.crm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One term per concept: the glossary at the top of both bundles names the terms, and no value in
 * either bundle uses a variant it bans (记录拜访, 沟通记录, "contact history" …).
 */
class GlossaryTest {

    /** Variants, each with why it is banned; 拜访 only as 上门拜访 or in the names 拜访频率 / 拜访达成率. */
    static final Map<Pattern, String> BANNED = Map.ofEntries(
            Map.entry(Pattern.compile("记录拜访|拜访记录"), "a contact log is 联系记录, logging one 记录联系"),
            Map.entry(Pattern.compile("沟通"), "a contact is 联系 (联系记录, 内容摘要)"),
            Map.entry(Pattern.compile("回访"), "a contact is 联系"),
            Map.entry(Pattern.compile("(?<!上门)拜访(?!频率|达成率)"), "拜访 only as 上门拜访, 拜访频率, 拜访达成率"),
            Map.entry(Pattern.compile("等级"), "a tier is 级别"),
            Map.entry(Pattern.compile("我的一天"), "My day is 今日待办"),
            Map.entry(Pattern.compile("负责人"), "the owner is the 客户经理"),
            Map.entry(Pattern.compile("(?i)contact history|log(?:ged)? a visit|visit log|interaction|communication"),
                    "a contact log / Log a contact"),
            Map.entry(Pattern.compile("(?i)visit-frequency"), "the policy is the visit quotas"),
            Map.entry(Pattern.compile("(?i)(?<!on-site )\\bvisit(?!s? quota)"), "a visit is an on-site visit"));

    @Test
    void no_value_in_either_bundle_uses_a_banned_variant() {
        List<String> found = new ArrayList<>();
        check(MessageBundlesTest.ENGLISH, "messages.properties", found);
        check(MessageBundlesTest.CHINESE, "messages_zh_CN.properties", found);
        assertThat(found).isEmpty();
    }

    @Test
    void the_check_catches_each_variant_the_issue_found() {
        Properties old = new Properties();
        old.setProperty("nav.logContact", "记录拜访");
        old.setProperty("timeline.title", "沟通记录");
        old.setProperty("myday.rule.visit", "每 7 天上门拜访一次；上次拜访 {1}");
        old.setProperty("quota.tier", "客户等级");
        old.setProperty("log.new", "Log a visit");
        old.setProperty("timeline.en", "Contact history");
        old.setProperty("fine", "上门拜访 · 拜访频率 · 拜访达成率 · 联系记录 · on-site visit · Visit quotas");
        List<String> found = new ArrayList<>();
        check(old, "old", found);
        assertThat(found.stream().map(problem -> problem.substring(5, problem.indexOf('='))).distinct())
                .containsExactlyInAnyOrder("nav.logContact", "timeline.title", "myday.rule.visit", "quota.tier",
                        "log.new", "timeline.en");
    }

    @Test
    void both_bundles_open_with_the_glossary() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_zh_CN.properties")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                String head = new String(in.readNBytes(4_000), StandardCharsets.UTF_8);
                assertThat(head).as(bundle).contains("# Glossary", "联系记录", "contact log", "上门拜访",
                        "on-site visit", "跟进", "follow-up", "Banned variants");
            }
        }
    }

    private static void check(Properties bundle, String name, List<String> found) {
        for (String key : bundle.stringPropertyNames()) {
            String value = bundle.getProperty(key);
            BANNED.forEach((variant, why) -> {
                if (variant.matcher(value).find()) {
                    found.add(name + ": " + key + "=" + value + " (" + why + ")");
                }
            });
        }
    }
}
