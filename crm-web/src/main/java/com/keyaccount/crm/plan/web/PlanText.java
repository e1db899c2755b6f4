package com.keyaccount.crm.plan.web;

import com.keyaccount.crm.plan.PlanContent;
import com.keyaccount.crm.shared.ControlCharacters;

/** A decision's comment checked before the plan is asked: its length and control characters. */
final class PlanText {

    private PlanText() {
    }

    /** The message key of what is wrong with {@code comment}, or null. */
    static String check(String comment) {
        if (comment != null && comment.length() > PlanContent.COMMENT_MAX) {
            return "plan.refused.tooLong";
        }
        if (comment != null && !ControlCharacters.absentFrom(comment, true)) {
            return "plan.refused.controlCharacters";
        }
        return null;
    }
}
