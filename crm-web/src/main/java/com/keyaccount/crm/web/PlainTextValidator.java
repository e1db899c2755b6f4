package com.keyaccount.crm.web;

import com.keyaccount.crm.shared.ControlCharacters;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link PlainText}; null and empty are fine (that is for {@code @NotBlank} to say). Public
 * because a validation provider outside Spring instantiates it through its public constructor.
 */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    private boolean multiLine;

    @Override
    public void initialize(PlainText annotation) {
        multiLine = annotation.multiLine();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || ControlCharacters.absentFrom(value.toString(), multiLine);
    }
}
