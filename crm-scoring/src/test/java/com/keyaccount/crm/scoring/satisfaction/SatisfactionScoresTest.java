package com.keyaccount.crm.scoring.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.survey.Answer;
import com.keyaccount.crm.survey.Question;
import com.keyaccount.crm.survey.QuestionKind;
import com.keyaccount.crm.survey.Questionnaire;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SatisfactionScoresTest {

    private static final Questionnaire SEED = new Questionnaire(1, "问卷", "Survey", List.of(
            new Question(QuestionKind.SCALE_5, "质量", "Quality", false),
            new Question(QuestionKind.SCALE_5, "总体", "Overall", false),
            new Question(QuestionKind.SCALE_10, "推荐", "Recommend", true),
            new Question(QuestionKind.TEXT, "建议", "Comments", false)));

    @Test
    void a_score_is_the_mean_of_the_ratings_on_a_hundred_point_scale_without_the_recommend_question() {
        // 5 → 100, 3 → 50: mean 75; the recommend answer (0) does not pull it down
        assertThat(SatisfactionScores.score(SEED, List.of(Answer.rating(5), Answer.rating(3), Answer.rating(0),
                Answer.text(null)))).contains(new BigDecimal("75.0"));
        assertThat(SatisfactionScores.score(SEED, List.of(Answer.rating(1), Answer.rating(1), Answer.rating(10),
                Answer.text("差")))).contains(new BigDecimal("0.0"));
        // 4 → 75, 5 → 100: 87.5
        assertThat(SatisfactionScores.score(SEED, List.of(Answer.rating(4), Answer.rating(5), Answer.rating(9),
                Answer.text(null)))).contains(new BigDecimal("87.5"));
    }

    @Test
    void a_zero_to_ten_rating_counts_tenfold_beside_a_five_point_one() {
        Questionnaire mixed = new Questionnaire(2, "问卷", "Survey", List.of(
                new Question(QuestionKind.SCALE_10, "质量", "Quality", false),
                new Question(QuestionKind.SCALE_5, "总体", "Overall", false)));
        // 7 → 70, 2 → 25: 47.5
        assertThat(SatisfactionScores.score(mixed, List.of(Answer.rating(7), Answer.rating(2))))
                .contains(new BigDecimal("47.5"));
    }

    @Test
    void the_recommend_answer_is_read_from_the_flagged_question() {
        assertThat(SatisfactionScores.recommend(SEED, List.of(Answer.rating(4), Answer.rating(4), Answer.rating(6),
                Answer.text(null)))).contains(6);
    }

    @Test
    void missing_or_off_scale_ratings_and_long_texts_are_violations_and_never_scored() {
        List<Violation> found = SatisfactionScores.violations(SEED, List.of(new Answer(null, null), Answer.rating(6),
                Answer.rating(11), Answer.text("长".repeat(2001))));
        assertThat(found).extracting(Violation::path, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("answers[0]", "required"),
                org.assertj.core.groups.Tuple.tuple("answers[1]", "scale"),
                org.assertj.core.groups.Tuple.tuple("answers[2]", "scale"),
                org.assertj.core.groups.Tuple.tuple("answers[3]", "tooLong"));
        assertThatThrownBy(() -> SatisfactionScores.score(SEED, List.of(Answer.rating(0), Answer.rating(3),
                Answer.rating(5), Answer.text(null)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SatisfactionScores.violations(SEED, List.of(Answer.rating(5)))).extracting(Violation::code)
                .containsExactly("mismatch");
    }

    @Test
    void nps_is_promoters_minus_detractors_in_percent_of_all_answers() {
        // 9, 10, 10 promoters; 7, 8 passives; 0, 6 detractors → (3 − 2) / 7 = 14.3% → 14
        NetPromoterScore nps = NetPromoterScore.of(List.of(9, 10, 10, 7, 8, 0, 6));
        assertThat(nps.promoters()).isEqualTo(3);
        assertThat(nps.passives()).isEqualTo(2);
        assertThat(nps.detractors()).isEqualTo(2);
        assertThat(nps.score()).isEqualTo(14);
        assertThat(NetPromoterScore.of(List.of(0, 3, 6)).score()).isEqualTo(-100);
        assertThat(NetPromoterScore.of(List.of(7, 8)).score()).isZero();
        assertThat(NetPromoterScore.of(List.of()).score()).isNull();
    }

    @Test
    void averages_weigh_each_response_alike_and_are_empty_without_any() {
        assertThat(SatisfactionScores.average(List.of(new BigDecimal("75.0"), new BigDecimal("50.0"),
                new BigDecimal("100.0")))).contains(new BigDecimal("75.0"));
        assertThat(SatisfactionScores.average(new BigDecimal("250.0"), 3)).contains(new BigDecimal("83.3"));
        assertThat(SatisfactionScores.average(List.of())).isEmpty();
        assertThat(SatisfactionScores.average(BigDecimal.ZERO, 0)).isEmpty();
    }

    @Test
    void a_drop_counts_only_when_it_is_more_than_the_threshold() {
        assertThat(SatisfactionScores.dropBeyond(new BigDecimal("80.0"), new BigDecimal("60.0"), 15))
                .contains(new BigDecimal("20.0"));
        assertThat(SatisfactionScores.dropBeyond(new BigDecimal("80.0"), new BigDecimal("65.0"), 15)).isEmpty();
        assertThat(SatisfactionScores.dropBeyond(new BigDecimal("60.0"), new BigDecimal("90.0"), 15)).isEmpty();
        assertThat(SatisfactionScores.dropBeyond(null, new BigDecimal("10.0"), 15)).isEmpty();
    }

    @Test
    void a_customer_is_due_its_tiers_months_after_the_last_answer_or_after_it_became_a_customer() {
        LocalDate today = LocalDate.of(2026, 6, 30);
        assertThat(SurveyDue.dueOn(LocalDate.of(2026, 3, 31), LocalDate.of(2020, 1, 1), 3))
                .isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(SurveyDue.due(LocalDate.of(2026, 3, 31), LocalDate.of(2020, 1, 1), 3, today)).isTrue();
        assertThat(SurveyDue.due(LocalDate.of(2026, 4, 1), LocalDate.of(2020, 1, 1), 3, today)).isFalse();
        assertThat(SurveyDue.due(null, LocalDate.of(2025, 12, 31), 6, today)).isTrue();
        assertThat(SurveyDue.due(null, LocalDate.of(2026, 1, 1), 6, today)).isFalse();
        assertThat(SurveyDue.due(null, LocalDate.of(2026, 1, 1), null, today)).isFalse();
    }

    @Test
    void the_latest_day_still_due_today_agrees_with_due_across_month_ends() {
        // answered 29, 30 or 31 January: one month on is 28 February
        assertThat(SurveyDue.latestBaseDueBy(LocalDate.of(2026, 2, 28), 1)).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(SurveyDue.latestBaseDueBy(LocalDate.of(2026, 3, 31), 1)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(SurveyDue.latestBaseDueBy(LocalDate.of(2026, 3, 31), null)).isNull();
        for (LocalDate today = LocalDate.of(2026, 1, 1); today.getYear() == 2026; today = today.plusDays(1)) {
            for (int months : new int[] {1, 3, 6, 12}) {
                LocalDate latest = SurveyDue.latestBaseDueBy(today, months);
                for (LocalDate base = latest.minusDays(3); !base.isAfter(latest.plusDays(3)); base = base.plusDays(1)) {
                    assertThat(SurveyDue.due(base, null, months, today)).as("%s, %s months, base %s", today, months, base)
                            .isEqualTo(!base.isAfter(latest));
                }
            }
        }
    }

    @Test
    void a_questionnaire_needs_a_rating_and_at_most_one_recommend_question_on_the_ten_point_scale() {
        Questionnaire bad = new Questionnaire(0, "", "Survey", List.of(
                new Question(QuestionKind.SCALE_5, "推荐", "Recommend", true),
                new Question(QuestionKind.SCALE_10, "推荐", "Recommend", true),
                new Question(QuestionKind.SCALE_10, "又推荐", "Again", true)));
        assertThat(bad.violations()).extracting(Violation::path, Violation::code).contains(
                org.assertj.core.groups.Tuple.tuple("titleZh", "required"),
                org.assertj.core.groups.Tuple.tuple("questions", "noRating"),
                org.assertj.core.groups.Tuple.tuple("questions[0].recommend", "recommendScale"),
                org.assertj.core.groups.Tuple.tuple("questions[2].recommend", "oneRecommend"));
        assertThat(SEED.violations()).isEmpty();
    }
}
