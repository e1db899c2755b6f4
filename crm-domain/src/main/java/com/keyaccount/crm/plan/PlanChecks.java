package com.keyaccount.crm.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects what is wrong with a plan's texts and fields, so one refusal names every field at
 * once. Texts are trimmed, blank is none, and none is longer than its column.
 */
final class PlanChecks {

    private final List<PlanRefusedException.Refusal> refusals = new ArrayList<>();

    /** One text checked on its own: its value, or the refusal at once. */
    static String one(Function<PlanChecks, String> check) {
        PlanChecks checks = new PlanChecks();
        String value = check.apply(checks);
        checks.throwIfAny();
        return value;
    }

    String required(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            refuse(field, PlanRefusedException.REQUIRED);
            return null;
        }
        return optional(field, text, max);
    }

    String optional(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > max) {
            refuse(field, "tooLong");
            return null;
        }
        return value;
    }

    void refuse(String field, String code) {
        refusals.add(new PlanRefusedException.Refusal(field, code));
    }

    void throwIfAny() {
        if (!refusals.isEmpty()) {
            throw new PlanRefusedException(refusals);
        }
    }
}
