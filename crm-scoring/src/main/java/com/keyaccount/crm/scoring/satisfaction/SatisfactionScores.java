package com.keyaccount.crm.scoring.satisfaction;

import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.survey.Answer;
import com.keyaccount.crm.survey.Question;
import com.keyaccount.crm.survey.Questionnaire;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How answers become the satisfaction score (0–100, 百分制): each rating question other than the
 * "would recommend" one is put on 0–100 (1–5: 1 → 0, 5 → 100; 0–10: × 10) and the score is their
 * mean, so questionnaires with different scales stay comparable across versions. The recommend
 * question feeds NPS only. Averages of scores weigh each response alike.
 */
public final class SatisfactionScores {

    public static final int MAX_TEXT = 2000;

    private SatisfactionScores() {
    }

    /** What is wrong with the answers: a rating missing or off its scale, a text too long (paths {@code answers[i]}). */
    public static List<Violation> violations(Questionnaire questionnaire, List<Answer> answers) {
        List<Violation> found = new ArrayList<>();
        List<Question> questions = questionnaire.questions();
        if (answers.size() != questions.size()) {
            found.add(Violation.of("answers", "mismatch"));
            return found;
        }
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            Answer a = answers.get(i);
            String path = "answers[" + i + "]";
            if (q.kind().rated()) {
                if (a == null || a.rating() == null) {
                    found.add(Violation.of(path, "required"));
                } else if (!q.kind().accepts(a.rating())) {
                    found.add(Violation.of(path, "scale", q.kind().min(), q.kind().max()));
                }
            } else if (a != null && a.text() != null && a.text().length() > MAX_TEXT) {
                found.add(Violation.of(path, "tooLong", MAX_TEXT));
            }
        }
        return found;
    }

    /** The response's score, one decimal, or empty when it has no rating counted in it. */
    public static Optional<BigDecimal> score(Questionnaire questionnaire, List<Answer> answers) {
        Violation.requireNone(violations(questionnaire, answers));
        long sum = 0;
        int count = 0;
        for (int i = 0; i < answers.size(); i++) {
            Question q = questionnaire.questions().get(i);
            if (q.kind().rated() && !q.recommend()) {
                // on a 0–400 grid so that a 1–5 rating is exact: (r − 1) × 100, 0–10: r × 40
                sum += q.kind().max() == 5 ? (answers.get(i).rating() - 1) * 100L : answers.get(i).rating() * 40L;
                count++;
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count * 4L), 1, RoundingMode.HALF_UP));
    }

    /** The 0–10 answer to the recommend question, when the questionnaire has one. */
    public static Optional<Integer> recommend(Questionnaire questionnaire, List<Answer> answers) {
        for (int i = 0; i < answers.size(); i++) {
            if (questionnaire.questions().get(i).recommend()) {
                return Optional.ofNullable(answers.get(i).rating());
            }
        }
        return Optional.empty();
    }

    /** The mean of scores, one decimal; empty for none. */
    public static Optional<BigDecimal> average(Collection<BigDecimal> scores) {
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP));
    }

    /** The mean of {@code count} scores adding up to {@code sum}, one decimal; empty for none. */
    public static Optional<BigDecimal> average(BigDecimal sum, long count) {
        if (count <= 0 || sum == null) {
            return Optional.empty();
        }
        return Optional.of(sum.divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP));
    }

    /**
     * By how many points the latest score fell below the one before, when it fell by more than
     * {@code thresholdPoints} (a strict "more than", as the churn signals compare).
     */
    public static Optional<BigDecimal> dropBeyond(BigDecimal previous, BigDecimal latest, int thresholdPoints) {
        if (previous == null || latest == null) {
            return Optional.empty();
        }
        BigDecimal drop = previous.subtract(latest);
        return drop.compareTo(BigDecimal.valueOf(thresholdPoints)) > 0 ? Optional.of(drop) : Optional.empty();
    }
}
