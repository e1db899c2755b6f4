package com.keyaccount.crm.survey;

/** One answer: a rating for a rating question, a text (or nothing) for a free-text one. */
public record Answer(Integer rating, String text) {

    public static Answer rating(int rating) {
        return new Answer(rating, null);
    }

    public static Answer text(String text) {
        return new Answer(null, text);
    }
}
