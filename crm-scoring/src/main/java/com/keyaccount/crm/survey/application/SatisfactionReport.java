package com.keyaccount.crm.survey.application;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.scoring.satisfaction.NetPromoterScore;
import com.keyaccount.crm.scoring.satisfaction.SatisfactionScores;
import com.keyaccount.crm.survey.application.SatisfactionFigures.AnswerRow;
import com.keyaccount.crm.survey.application.SatisfactionFigures.AnsweredQuestion;
import com.keyaccount.crm.survey.application.SatisfactionFigures.CustomerSatisfaction;
import com.keyaccount.crm.survey.application.SatisfactionFigures.Line;
import com.keyaccount.crm.survey.application.SatisfactionFigures.Overview;
import com.keyaccount.crm.survey.application.SatisfactionFigures.PastResponse;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction as a KPI: per customer, per account manager (who served the customer when it
 * answered), per tier (today's) and by quarter, with NPS where the recommend question was asked.
 * Reads the precomputed score and recommend of each response, never the answers, with the
 * answered-at indexes bounding the scan. A manager sees their own book.
 */
@Service
@Transactional(readOnly = true)
public class SatisfactionReport {

    static final int CUSTOMER_HISTORY = 8;
    static final int QUARTERS = 8;

    private final JdbcClient jdbc;
    private final SurveyLinks links;
    private final Clock clock;
    private final ZoneId zone;

    SatisfactionReport(JdbcClient jdbc, SurveyLinks links, Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.links = links;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** A customer the caller obtained from {@code CustomerService.get}. */
    public CustomerSatisfaction customer(Customer visible) {
        List<PastResponse> responses = jdbc.sql("""
                SELECT r.id, r.answered_at, r.channel, r.score, r.recommend, r.respondent, u.display_name
                FROM survey_response r LEFT JOIN app_user u ON u.id = r.recorded_by
                WHERE r.customer_id = ? ORDER BY r.answered_at DESC, r.id DESC""")
                .param(visible.getId()).query((rs, n) -> new PastResponse(rs.getLong(1),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBigDecimal(4),
                        rs.getObject(5, Integer.class), rs.getString(6), rs.getString(7), List.of()))
                .stream().limit(CUSTOMER_HISTORY).toList();
        long total = jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE customer_id = ?").param(visible.getId())
                .query(Long.class).single();
        Map<Long, List<AnsweredQuestion>> answers = answersOf(responses);
        List<PastResponse> withAnswers = responses.stream().map(r -> new PastResponse(r.id(), r.answeredAt(),
                r.channel(), r.score(), r.recommend(), r.respondent(), r.recordedBy(),
                answers.getOrDefault(r.id(), List.of()))).toList();
        List<PastResponse> scored = withAnswers.stream().filter(r -> r.score() != null).toList();
        BigDecimal change = scored.size() < 2 ? null : scored.get(0).score().subtract(scored.get(1).score());
        return new CustomerSatisfaction(withAnswers, total, change, links.waitingUntil(visible).orElse(null));
    }

    private Map<Long, List<AnsweredQuestion>> answersOf(List<PastResponse> responses) {
        Map<Long, List<AnsweredQuestion>> byResponse = new HashMap<>();
        if (responses.isEmpty()) {
            return byResponse;
        }
        // every question of the version, answered or left empty, in the questionnaire's order
        jdbc.sql("""
                SELECT r.id, q.text_zh, q.text_en, q.kind, a.rating, a.answer_text
                FROM survey_response r JOIN survey_question q ON q.version = r.version
                LEFT JOIN survey_answer a ON a.response_id = r.id AND a.position = q.position
                WHERE r.id IN (:ids) ORDER BY r.id, q.position""")
                .param("ids", responses.stream().map(PastResponse::id).toList())
                .query(rs -> {
                    byResponse.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new AnsweredQuestion(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, Integer.class),
                            rs.getString(6)));
                });
        return byResponse;
    }

    /** The satisfaction page for the viewer: the last 12 months, and the last 8 quarters' trend. */
    public Overview overview(Viewer viewer) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = today.minusMonths(12).plusDays(1);
        LocalDate to = today.plusDays(1);
        List<Line> byManager = lines(viewer, "u.display_name", "JOIN app_user u ON u.id = r.owner_id",
                "u.display_name", from, to);
        List<Line> byTier = lines(viewer, "COALESCE(t.effective_tier, 'C')",
                "LEFT JOIN customer_tier t ON t.customer_id = r.customer_id", "COALESCE(t.effective_tier, 'C')", from, to);
        List<Line> total = lines(viewer, "'all'", "", null, from, to);
        return new Overview(from, today, total.isEmpty() ? empty("all") : total.get(0), byManager, byTier,
                quarters(viewer, today));
    }

    /**
     * The dashboard card's figures: the last 12 months' total for the viewer's book, the same
     * total the satisfaction page shows, without the page's per-manager, per-tier and quarterly reads.
     */
    public Line panel(Viewer viewer) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Line> total = lines(viewer, "'all'", "", null, today.minusMonths(12).plusDays(1), today.plusDays(1));
        return total.isEmpty() ? empty("all") : total.get(0);
    }

    private List<Line> lines(Viewer viewer, String key, String join, String group, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", start(from));
        params.put("to", start(to));
        String mine = counted(viewer, params);
        return jdbc.sql("""
                SELECT %1$s AS k, COUNT(*) AS n, SUM(r.score) AS score_sum, COUNT(r.score) AS scored,
                       SUM(CASE WHEN r.recommend >= 9 THEN 1 ELSE 0 END) AS promoters,
                       SUM(CASE WHEN r.recommend BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS passives,
                       SUM(CASE WHEN r.recommend <= 6 THEN 1 ELSE 0 END) AS detractors
                FROM survey_response r %2$s
                WHERE r.answered_at >= :from AND r.answered_at < :to %3$s
                %4$s""".formatted(key, join, mine, group == null ? "" : "GROUP BY %1$s ORDER BY %1$s".formatted(group)))
                .params(params).query((rs, n) -> line(rs.getString("k"), rs)).list();
    }

    /** The last {@link #QUARTERS} calendar quarters, oldest first, each bucketed in SQL by its bounds. */
    private List<Line> quarters(Viewer viewer, LocalDate today) {
        LocalDate current = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        List<LocalDate> starts = new ArrayList<>();
        for (int i = QUARTERS - 1; i >= 0; i--) {
            starts.add(current.minusMonths(3L * i));
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder bucket = new StringBuilder("CASE");
        for (int i = 0; i < QUARTERS; i++) {
            params.put("q" + i, start(starts.get(i)));
            bucket.append(" WHEN r.answered_at >= :q").append(i).append(i + 1 < QUARTERS ? " AND r.answered_at < :q" + (i + 1) : "")
                    .append(" THEN ").append(i);
        }
        bucket.append(" END");
        params.put("from", start(starts.get(0)));
        params.put("to", start(current.plusMonths(3)));
        String mine = counted(viewer, params);
        Map<Integer, Line> found = new HashMap<>();
        jdbc.sql("""
                SELECT b, COUNT(*) AS n, SUM(score) AS score_sum, COUNT(score) AS scored,
                       SUM(CASE WHEN recommend >= 9 THEN 1 ELSE 0 END) AS promoters,
                       SUM(CASE WHEN recommend BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS passives,
                       SUM(CASE WHEN recommend <= 6 THEN 1 ELSE 0 END) AS detractors
                FROM (SELECT %1$s AS b, r.score, r.recommend
                      FROM survey_response r
                      WHERE r.answered_at >= :from AND r.answered_at < :to %2$s) x
                GROUP BY b""".formatted(bucket, mine))
                .params(params).query(rs -> {
                    int b = rs.getInt("b");
                    found.put(b, line(label(starts.get(b)), rs));
                });
        List<Line> quarters = new ArrayList<>();
        for (int i = 0; i < QUARTERS; i++) {
            quarters.add(found.getOrDefault(i, empty(label(starts.get(i)))));
        }
        return quarters;
    }

    /** Streams every answer the viewer may see, oldest response first, until {@code row} says stop. */
    public void forEachAnswer(Viewer viewer, Predicate<AnswerRow> row) {
        Map<String, Object> params = new HashMap<>();
        String mine = scope(viewer, params);
        boolean[] going = {true};
        jdbc.sql("""
                SELECT c.code, c.name, u.display_name, r.answered_at, r.channel, r.version, q.position,
                       q.text_zh, q.text_en, a.rating, a.answer_text, r.score
                FROM survey_response r JOIN customer c ON c.id = r.customer_id
                JOIN app_user u ON u.id = r.owner_id
                JOIN survey_question q ON q.version = r.version
                LEFT JOIN survey_answer a ON a.response_id = r.id AND a.position = q.position
                WHERE c.deleted = FALSE %s
                ORDER BY r.answered_at, r.id, q.position""".formatted(mine))
                .params(params).withFetchSize(1_000).query(rs -> {
                    if (going[0]) {
                        going[0] = row.test(new AnswerRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6), rs.getInt(7),
                                rs.getString(8), rs.getString(9), rs.getObject(10, Integer.class), rs.getString(11),
                                rs.getBigDecimal(12)));
                    }
                });
    }

    /**
     * Which responses count, as a condition on {@code r}: those of customers not deleted, and for
     * anyone but a director or admin those of the books they see. Written without joining every response to its customer: the
     * whole book's reports read a year of responses from the answered-at index alone (on
     * PostgreSQL it carries score and recommend) and set aside the few deleted customers' ones.
     */
    private static String counted(Viewer viewer, Map<String, Object> params) {
        if (viewer.scope().all()) {
            return "AND NOT EXISTS (SELECT 1 FROM customer d WHERE d.id = r.customer_id AND d.deleted = TRUE)";
        }
        return "AND r.customer_id IN (SELECT c.id FROM customer c WHERE " + viewer.scope().sql("c.owner_id")
                + " AND c.deleted = FALSE)";
    }

    private static String scope(Viewer viewer, Map<String, Object> params) {
        return viewer.scope().all() ? "" : "AND " + viewer.scope().sql("c.owner_id");
    }

    private static Line line(String key, ResultSet rs) throws SQLException {
        return new Line(key, rs.getLong("n"),
                SatisfactionScores.average(rs.getBigDecimal("score_sum"), rs.getLong("scored")).orElse(null),
                new NetPromoterScore(rs.getLong("promoters"), rs.getLong("passives"), rs.getLong("detractors")));
    }

    private static Line empty(String key) {
        return new Line(key, 0, null, new NetPromoterScore(0, 0, 0));
    }

    private static String label(LocalDate quarterStart) {
        return quarterStart.getYear() + " Q" + ((quarterStart.getMonthValue() - 1) / 3 + 1);
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
