package com.keyaccount.crm.survey.application;

import com.keyaccount.crm.scoring.satisfaction.NetPromoterScore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records the satisfaction pages show; computed by {@link SatisfactionReport}. */
public final class SatisfactionFigures {

    private SatisfactionFigures() {
    }

    /**
     * One row of a breakdown (a manager, a tier, a quarter): how many answered, their average
     * score (null: none scored) and NPS (null: nobody answered the recommend question).
     */
    public record Line(String key, long responses, BigDecimal average, NetPromoterScore nps) {

        public Integer npsScore() {
            return nps.score();
        }
    }

    /** The satisfaction page: the last 12 months by manager and tier, and the last 8 quarters. */
    public record Overview(LocalDate from, LocalDate to, Line total, List<Line> byManager, List<Line> byTier,
            List<Line> byQuarter) {
    }

    /** One past response of a customer, with its answers in the questionnaire's order. */
    public record PastResponse(long id, Instant answeredAt, String channel, BigDecimal score, Integer recommend,
            String respondent, String recordedBy, List<AnsweredQuestion> answers) {
    }

    public record AnsweredQuestion(String questionZh, String questionEn, String kind, Integer rating, String text) {

        public String question(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? questionEn : questionZh;
        }
    }

    /**
     * A customer's satisfaction: its responses newest first (at most {@code SatisfactionReport.CUSTOMER_HISTORY}),
     * how many there are in all, the change of the latest score against the one before, and the
     * personal link waiting for an answer, if any.
     */
    public record CustomerSatisfaction(List<PastResponse> responses, long total, BigDecimal change,
            Instant linkWaitingUntil) {

        public PastResponse latest() {
            return responses.isEmpty() ? null : responses.get(0);
        }

        /** The scored responses oldest first, for the trend. */
        public List<PastResponse> trend() {
            List<PastResponse> oldestFirst = new java.util.ArrayList<>(responses);
            java.util.Collections.reverse(oldestFirst);
            return oldestFirst.stream().filter(r -> r.score() != null).toList();
        }
    }

    /** One exported answer, in words. */
    public record AnswerRow(String customerCode, String customerName, String manager, Instant answeredAt,
            String channel, int version, int position, String questionZh, String questionEn, Integer rating,
            String text, BigDecimal score) {
    }
}
