package com.keyaccount.crm.web;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.List;
import java.util.function.Function;
import org.springframework.validation.Errors;

/**
 * Puts a rule's violations beside the fields of the form that edits it. A rule names what is
 * wrong by its own paths and codes ({@link Violation}); each editor says which of its fields a
 * path is (null: about the whole form, said above it) and which message a code reads as. A
 * field that already has an error (typed text that could not be read) keeps that one.
 */
public final class ViolationFields {

    private ViolationFields() {
    }

    /**
     * @param field   the form field a violation is about (usually found by its path); null for an error about the whole form
     * @param message the message code of a violation (its arguments are the violation's)
     */
    public static void reject(Errors errors, List<Violation> violations, Function<Violation, String> field,
            Function<Violation, String> message) {
        for (Violation v : violations) {
            String at = field.apply(v);
            if (at == null) {
                errors.reject(message.apply(v), v.args().toArray(), null);
            } else if (!errors.hasFieldErrors(at)) {
                // one message per field: what was typed and could not be read is the one to put right first
                errors.rejectValue(at, message.apply(v), v.args().toArray(), null);
            }
        }
    }

    /**
     * The usual message code: a number out of its range reads as the bean-validation messages
     * ({@code Min}, {@code Max}, which a form can make its own with {@code Min.form.field}); any
     * other code is the editor's, under {@code prefix}.
     */
    public static String message(Violation violation, String prefix) {
        return switch (violation.code()) {
            case Violation.MIN -> "Min";
            case Violation.MAX -> "Max";
            default -> prefix + violation.code();
        };
    }
}
