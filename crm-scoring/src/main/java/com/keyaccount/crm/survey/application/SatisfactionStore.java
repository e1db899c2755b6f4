package com.keyaccount.crm.survey.application;

import com.keyaccount.crm.survey.Answer;
import com.keyaccount.crm.survey.SurveyChannel;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The only writer of {@code survey_response}, {@code survey_answer} and {@code survey_request}:
 * a response with its answers in one go, and the request it fulfils withdrawn with it.
 */
@Component
class SatisfactionStore {

    private final JdbcClient jdbc;

    SatisfactionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What one response holds, as written. */
    record NewResponse(long customerId, long ownerId, int version, SurveyChannel channel, Instant answeredAt,
            Long recordedBy, String respondent, BigDecimal score, Integer recommend, String submissionToken,
            List<Answer> answers) {
    }

    long add(NewResponse r, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO survey_response (customer_id, owner_id, version, channel, answered_at, recorded_by,
                    respondent, score, recommend, submission_token, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.customerId(), r.ownerId(), r.version(), r.channel().name(), Timestamp.from(r.answeredAt()),
                        r.recordedBy(), r.respondent(), r.score(), r.recommend(), r.submissionToken(),
                        Timestamp.from(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (int i = 0; i < r.answers().size(); i++) {
            Answer a = r.answers().get(i);
            String text = a.text() == null || a.text().isBlank() ? null : a.text().strip();
            if (a.rating() == null && text == null) {
                continue; // a free-text question left empty: no row
            }
            jdbc.sql("INSERT INTO survey_answer (response_id, position, rating, answer_text) VALUES (?, ?, ?, ?)")
                    .params(id, i + 1, a.rating(), text).update();
        }
        // the survey a resolved complaint asked for is done once the customer has answered
        jdbc.sql("DELETE FROM survey_request WHERE customer_id = ?").param(r.customerId()).update();
        return id;
    }

    Optional<long[]> findSubmission(String token) {
        return jdbc.sql("SELECT id, customer_id FROM survey_response WHERE submission_token = ?").param(token)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }

    /** Asks for a survey of the customer; an earlier request stands with its date. */
    boolean request(long customerId, String reason, Instant now) {
        int existing = jdbc.sql("SELECT COUNT(*) FROM survey_request WHERE customer_id = ?").param(customerId)
                .query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO survey_request (customer_id, reason, requested_at) VALUES (?, ?, ?)")
                .params(customerId, reason, Timestamp.from(now)).update();
        return true;
    }
}
