package com.keyaccount.crm.survey;

/** How a question is answered: a rating on a scale, or free text. */
public enum QuestionKind {
    /** 1 (very dissatisfied) to 5 (very satisfied). */
    SCALE_5(1, 5),
    /** 0 to 10, as the "would you recommend us" question of NPS asks. */
    SCALE_10(0, 10),
    TEXT(0, 0);

    private final int min;
    private final int max;

    QuestionKind(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public boolean rated() {
        return this != TEXT;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int rating) {
        return rated() && rating >= min && rating <= max;
    }
}
