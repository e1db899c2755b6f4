package com.keyaccount.crm.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The tiers page names what started each recompute in the reader's language, never by the code
 * the runs table keeps (INITIAL, MANUAL, "POLICY v2", SALES_IMPORT …), and the application
 * itself as 系统 rather than "system".
 */
@FullStackTest
class RunLabelsTest {

    /** The codes the starters give, and one no page knows (a test's). */
    private static final List<String> TRIGGERS = List.of("INITIAL", "NIGHTLY", "MANUAL", "POLICY v2", "SALES_IMPORT",
            "SALES_API", "CUSTOMER_IMPORT", "SOMETHING_NEW");

    /** A moment of their own, to delete them by (the page lists the latest runs by id). */
    private static final Timestamp STARTED = Timestamp.from(Instant.parse("2001-02-03T04:05:06Z"));

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    RunLabelsTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    /** The runs are finished ones no recompute waits on; other tests read only their own runs. */
    @AfterEach
    void removeRuns() {
        jdbc.update("DELETE FROM recompute_run WHERE started_at = ?", STARTED);
    }

    @Test
    void every_trigger_reads_as_words_in_chinese_and_english() throws Exception {
        for (String trigger : TRIGGERS) {
            String by = trigger.equals("INITIAL") || trigger.equals("NIGHTLY") ? "system" : "run-labels";
            jdbc.update("""
                    INSERT INTO recompute_run (started_at, finished_at, trigger_kind, started_by, policy_version,
                        customers, upgrades, downgrades, duration_ms, status)
                    VALUES (?, ?, ?, ?, 2, 10, 1, 2, 30, 'DONE')""", STARTED, STARTED, trigger, by);
        }
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);

        String chinese = runsTable(director, "zh-CN");
        assertThat(chinese).contains("首次分级（系统）", "夜间自动重算（系统）", "手动重算（run-labels）",
                "规则 v2 生效（run-labels）", "销售数据导入（run-labels）", "ERP 推送订单（run-labels）",
                "客户导入（run-labels）", "其他（run-labels）", "完成");
        String english = runsTable(director, "en");
        assertThat(english).contains("First classification (system)", "Nightly recompute (system)",
                "Recomputed by hand (run-labels)", "Policy v2 in force (run-labels)", "Sales import (run-labels)",
                "Orders from the ERP (run-labels)", "Customer import (run-labels)", "Other (run-labels)");
        for (String page : List.of(chinese, english)) {
            assertThat(page).doesNotContain("INITIAL", "NIGHTLY", "MANUAL", "POLICY", "SALES_", "CUSTOMER_IMPORT",
                    "SOMETHING_NEW", "DONE");
        }
        assertThat(chinese).doesNotContain("system");
    }

    /** The recent runs table only: the rest of the page is not about runs. */
    private String runsTable(AppUser director, String language) throws Exception {
        String page = mvc.perform(get("/tiers").with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int table = page.indexOf("<table", page.indexOf(language.equals("en") ? "Recent recomputes" : "最近的计算"));
        assertThat(table).isPositive();
        return page.substring(table, page.indexOf("</table>", table));
    }
}
