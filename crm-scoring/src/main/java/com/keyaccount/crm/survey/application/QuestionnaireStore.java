package com.keyaccount.crm.survey.application;

import com.keyaccount.crm.survey.Question;
import com.keyaccount.crm.survey.QuestionKind;
import com.keyaccount.crm.survey.Questionnaire;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only writer of {@code survey_questionnaire} and {@code survey_question}; versions are added, never changed. */
@Component
class QuestionnaireStore {

    private final JdbcClient jdbc;

    QuestionnaireStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int latestVersion() {
        return jdbc.sql("SELECT MAX(version) FROM survey_questionnaire").query(Integer.class).single();
    }

    Optional<Questionnaire> find(int version) {
        return jdbc.sql("SELECT title_zh, title_en FROM survey_questionnaire WHERE version = ?").param(version)
                .query((rs, n) -> new Questionnaire(version, rs.getString(1), rs.getString(2), questions(version)))
                .optional();
    }

    private List<Question> questions(int version) {
        return jdbc.sql("""
                SELECT kind, text_zh, text_en, recommend FROM survey_question WHERE version = ? ORDER BY position""")
                .param(version)
                .query((rs, n) -> new Question(QuestionKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4)))
                .list();
    }

    /** Adds the next version; a concurrent publish of the same number fails on the primary key. */
    int add(Questionnaire q, String by, Instant now) {
        int version = latestVersion() + 1;
        jdbc.sql("""
                INSERT INTO survey_questionnaire (version, title_zh, title_en, created_at, created_by)
                VALUES (?, ?, ?, ?, ?)""")
                .params(version, q.titleZh().strip(), q.titleEn().strip(), Timestamp.from(now), by).update();
        for (int i = 0; i < q.questions().size(); i++) {
            Question question = q.questions().get(i);
            jdbc.sql("""
                    INSERT INTO survey_question (version, position, kind, text_zh, text_en, recommend)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(version, i + 1, question.kind().name(), question.textZh().strip(),
                            question.textEn().strip(), question.recommend())
                    .update();
        }
        return version;
    }

    List<Questionnaires.Published> history() {
        return jdbc.sql("""
                SELECT q.version, q.title_zh, q.title_en, q.created_at, q.created_by,
                       (SELECT COUNT(*) FROM survey_response r WHERE r.version = q.version) AS answered
                FROM survey_questionnaire q ORDER BY q.version DESC""")
                .query((rs, n) -> new Questionnaires.Published(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getLong(6)))
                .list();
    }
}
