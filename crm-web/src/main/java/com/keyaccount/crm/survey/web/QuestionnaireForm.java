package com.keyaccount.crm.survey.web;

import com.keyaccount.crm.survey.Question;
import com.keyaccount.crm.survey.QuestionKind;
import com.keyaccount.crm.survey.Questionnaire;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/**
 * The questionnaire editor: a title in both languages and the questions in order. Empty rows
 * (no kind and no text) are dropped, so a few spare rows let the admin add questions without
 * script; a row's order number moves it.
 */
@Getter
@Setter
public class QuestionnaireForm {

    static final int SPARE_ROWS = 2;

    @PlainText
    private String titleZh;

    @PlainText
    private String titleEn;

    @Valid
    @Size(max = 40)
    private List<Row> questions = new ArrayList<>();

    @Getter
    @Setter
    public static class Row {
        private Integer order;
        private QuestionKind kind;
        @PlainText
        private String textZh;
        @PlainText
        private String textEn;
        private boolean recommend;

        boolean empty() {
            return kind == null && blank(textZh) && blank(textEn) && !recommend;
        }
    }

    static QuestionnaireForm of(Questionnaire q) {
        QuestionnaireForm form = new QuestionnaireForm();
        form.titleZh = q.titleZh();
        form.titleEn = q.titleEn();
        for (Question question : q.questions()) {
            Row row = new Row();
            row.kind = question.kind();
            row.textZh = question.textZh();
            row.textEn = question.textEn();
            row.recommend = question.recommend();
            form.questions.add(row);
        }
        form.spareRows();
        return form;
    }

    /** Numbers the rows as shown and adds the spare ones. */
    void spareRows() {
        questions.removeIf(Row::empty);
        for (int i = 0; i < SPARE_ROWS; i++) {
            questions.add(new Row());
        }
        for (int i = 0; i < questions.size(); i++) {
            questions.get(i).order = i + 1;
        }
    }

    /** The non-empty rows by their order number (ties keep the page's order), as the rule sees them. */
    Questionnaire toQuestionnaire() {
        List<Row> rows = new ArrayList<>(questions.stream().filter(r -> !r.empty()).toList());
        rows.sort((a, b) -> Integer.compare(a.order == null ? Integer.MAX_VALUE : a.order,
                b.order == null ? Integer.MAX_VALUE : b.order));
        questions = new ArrayList<>(rows);
        return new Questionnaire(0, strip(titleZh), strip(titleEn), rows.stream()
                .map(r -> new Question(r.kind, strip(r.textZh), strip(r.textEn), r.recommend)).toList());
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
