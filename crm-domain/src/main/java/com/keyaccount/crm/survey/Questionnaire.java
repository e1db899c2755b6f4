package com.keyaccount.crm.survey;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A version of the satisfaction questionnaire: a title and a short ordered list of questions
 * (position = index + 1). Published versions never change; an edit is a new version.
 */
public record Questionnaire(int version, String titleZh, String titleEn, List<Question> questions) {

    /** A questionnaire a customer answers on the phone or a phone screen stays short. */
    public static final int MAX_QUESTIONS = 15;
    public static final int MAX_TITLE = 200;

    public Questionnaire {
        questions = List.copyOf(questions);
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) && titleEn != null && !titleEn.isBlank() ? titleEn : titleZh;
    }

    /** The question at a 1-based position. */
    public Question at(int position) {
        return questions.get(position - 1);
    }

    public boolean hasRecommend() {
        return questions.stream().anyMatch(Question::recommend);
    }

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        title(found, "titleZh", titleZh);
        title(found, "titleEn", titleEn);
        if (questions.isEmpty()) {
            found.add(Violation.of("questions", "noQuestions"));
        } else if (questions.size() > MAX_QUESTIONS) {
            found.add(Violation.of("questions", "tooMany", MAX_QUESTIONS));
        }
        if (questions.stream().noneMatch(q -> q.kind() != null && q.kind().rated() && !q.recommend())) {
            found.add(Violation.of("questions", "noRating"));
        }
        boolean recommendSeen = false;
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            for (Violation v : q.violations()) {
                found.add(v.under("questions[" + i + "]"));
            }
            if (q.recommend() && recommendSeen) {
                found.add(Violation.of("questions[" + i + "].recommend", "oneRecommend"));
            }
            recommendSeen |= q.recommend();
        }
        return found;
    }

    private static void title(List<Violation> found, String path, String title) {
        if (title == null || title.isBlank()) {
            found.add(Violation.of(path, "required"));
        } else if (title.length() > MAX_TITLE) {
            found.add(Violation.of(path, "tooLong", MAX_TITLE));
        }
    }
}
