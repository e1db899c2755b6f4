package com.keyaccount.crm.survey.web;

import com.keyaccount.crm.survey.Answer;
import com.keyaccount.crm.survey.Questionnaire;
import com.keyaccount.crm.survey.SurveyChannel;
import com.keyaccount.crm.survey.application.RecordSurveyCommand;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** 记录满意度: the answers taken down on a call or a visit, one field per question. */
@Getter
@Setter
public class SatisfactionForm {

    @NotNull
    private SurveyChannel channel;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime answeredAt;

    /** Who answered (a contact's name), optional. */
    @Size(max = 100)
    @PlainText
    private String respondent;

    /** The questionnaire version the form showed. */
    private int version;

    @Valid
    private List<AnswerField> answers = new ArrayList<>();

    @NotBlank
    @Pattern(regexp = "^[0-9a-f\\-]{36}$")
    private String submissionToken;

    /** One question's answer as typed: a rating or a text. */
    @Getter
    @Setter
    public static class AnswerField {

        private Integer rating;

        @Size(max = 2000)
        @PlainText(multiLine = true)
        private String text;
    }

    static SatisfactionForm blank(Questionnaire q, LocalDateTime now) {
        SatisfactionForm form = new SatisfactionForm();
        form.channel = SurveyChannel.PHONE;
        form.answeredAt = now.truncatedTo(ChronoUnit.MINUTES);
        form.version = q.version();
        form.submissionToken = UUID.randomUUID().toString();
        fit(form.answers, q);
        return form;
    }

    /** One answer field per question, whatever was posted (a tampered list is cut or padded). */
    static void fit(List<AnswerField> answers, Questionnaire q) {
        while (answers.size() > q.questions().size()) {
            answers.remove(answers.size() - 1);
        }
        while (answers.size() < q.questions().size()) {
            answers.add(new AnswerField());
        }
    }

    static List<Answer> answers(List<AnswerField> fields, Questionnaire q) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < q.questions().size(); i++) {
            AnswerField f = i < fields.size() ? fields.get(i) : new AnswerField();
            answers.add(q.at(i + 1).kind().rated() ? new Answer(f.getRating(), null)
                    : new Answer(null, f.getText() == null || f.getText().isBlank() ? null : f.getText().strip()));
        }
        return answers;
    }

    RecordSurveyCommand toCommand(Questionnaire q, ZoneId zone) {
        return new RecordSurveyCommand(channel, answeredAt.atZone(zone).toInstant(),
                respondent == null || respondent.isBlank() ? null : respondent.strip(), q.version(), answers(answers, q),
                submissionToken);
    }
}
