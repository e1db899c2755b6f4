package com.keyaccount.crm.plan;

/** A plan's free texts: trimmed, blank as none, never longer than their column. */
final class PlanText {

    static final int COMMENT_MAX = 2000;

    private PlanText() {
    }

    static String required(String field, String text, int max) {
        String value = optional(field, text, max);
        if (value == null) {
            throw new PlanRefusedException(field, PlanRefusedException.REQUIRED);
        }
        return value;
    }

    static String optional(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > max) {
            throw new PlanRefusedException(field, "tooLong");
        }
        return value;
    }
}
