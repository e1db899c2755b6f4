package com.keyaccount.crm.plan.web;

import com.keyaccount.crm.shared.ControlCharacters;

/** A decision's comment checked before the plan is asked: its length and control characters. */
final class PlanText {

    static final int COMMENT_MAX = 2000;

    private PlanText() {
    }

    /** The message key of what is wrong with {@code comment}, or null. */
    static String check(String comment) {
        if (comment != null && comment.length() > COMMENT_MAX) {
            return "plan.refused.tooLong";
        }
        if (comment != null && !ControlCharacters.absentFrom(comment, true)) {
            return "plan.refused.controlCharacters";
        }
        return null;
    }
}
