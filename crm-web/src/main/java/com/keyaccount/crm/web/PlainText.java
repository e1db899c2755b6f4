package com.keyaccount.crm.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person types: no control characters (NUL and the others below a space, which the
 * database refuses or nobody can see). Tab and line breaks only in a {@code multiLine} field (a
 * textarea). The error shows beside the field ({@code PlainText} in the messages); the rule is
 * {@link com.keyaccount.crm.shared.ControlCharacters}, the same the imports use.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    /** The message key of the error, for checks made by hand (a request parameter, not a form). */
    String CODE = "PlainText";

    boolean multiLine() default false;

    String message() default "{PlainText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
