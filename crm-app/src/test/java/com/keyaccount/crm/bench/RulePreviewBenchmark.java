package com.keyaccount.crm.bench;

import com.keyaccount.crm.preview.application.WhatIf;
import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.TierMethod;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark of issue 6: the what-if preview of a draft (switching the whole book to the
 * scorecard, so most customers move) at 100k customers — in-process, and as the admin's page
 * over HTTP — next to the bare SQL Pareto query of the same run. Target: a few seconds.
 */
final class RulePreviewBenchmark {

    private static final Viewer ADMIN = new Viewer(0L, "admin", Role.ADMIN);

    private RulePreviewBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, long bareSqlMillis, int runs) throws Exception {
        RuleDrafts drafts = app.getBean(RuleDrafts.class);
        WhatIf whatIf = app.getBean(WhatIf.class);
        RuleSet now = drafts.rulesInForce();
        RuleSet scorecard = new RuleSet(TierMethod.SCORECARD, now.windowMonths(), now.pareto(), now.scorecard(),
                now.hardRules(), now.churn());
        long[] inProcess = HttpLoad.sample(runs, () -> whatIf.preview(scorecard));
        var preview = whatIf.preview(scorecard);

        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient admin = HttpLoad.loggedIn(base, "admin");
        long draft = drafts.start(ADMIN);
        try {
            drafts.save(ADMIN, draft, 0, scorecard, null, "benchmark");
            HttpRequest page = HttpRequest.newBuilder(URI.create(base + "/admin/rules/drafts/" + draft + "/preview"))
                    .GET().build();
            long[] http = HttpLoad.sample(runs, () -> {
                try {
                    HttpResponse<String> response = admin.send(page, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("preview page answered " + response.statusCode());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            TierBenchmark.report("(p) what-if preview, Pareto -> scorecard: %,d up, %,d down", preview.upgrades(),
                    preview.downgrades());
            TierBenchmark.report("    in-process  p50 %7.1f ms  max %7.1f ms   ratio p50 / bare SQL = %.2f (goal ≤ 2×)",
                    HttpLoad.ms(inProcess, 50), HttpLoad.ms(inProcess, 100),
                    HttpLoad.ms(inProcess, 50) / bareSqlMillis);
            TierBenchmark.report("    admin page  p50 %7.1f ms  max %7.1f ms", HttpLoad.ms(http, 50),
                    HttpLoad.ms(http, 100));
        } finally {
            jdbc.update("DELETE FROM tier_policy_draft WHERE id = ?", draft);
        }
    }
}
