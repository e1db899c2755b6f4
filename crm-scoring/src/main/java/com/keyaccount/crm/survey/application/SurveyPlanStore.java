package com.keyaccount.crm.survey.application;

import com.keyaccount.crm.survey.SurveyPlan;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only writer of {@code survey_plan}: each change a new version, the highest in force. */
@Component
class SurveyPlanStore {

    private final JdbcClient jdbc;

    SurveyPlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SurveyPlan current() {
        return jdbc.sql("""
                SELECT months_a, months_b, months_c, after_complaint, link_days FROM survey_plan
                WHERE version = (SELECT MAX(version) FROM survey_plan)""")
                .query((rs, n) -> new SurveyPlan(rs.getObject(1, Integer.class), rs.getObject(2, Integer.class),
                        rs.getObject(3, Integer.class), rs.getBoolean(4), rs.getInt(5)))
                .optional().orElse(SurveyPlan.DEFAULT);
    }

    int add(SurveyPlan plan, String by, Instant now) {
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM survey_plan").query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO survey_plan (version, months_a, months_b, months_c, after_complaint, link_days,
                    created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(version, plan.monthsA(), plan.monthsB(), plan.monthsC(), plan.afterComplaint(),
                        plan.linkDays(), Timestamp.from(now), by)
                .update();
        return version;
    }
}
