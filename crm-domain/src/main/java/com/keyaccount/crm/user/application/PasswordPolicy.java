package com.keyaccount.crm.user.application;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a chosen password must satisfy; the forms and the use cases check the same rule. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; longer input is refused rather than silently cut. */
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** The message key saying what is wrong, or empty when the password is acceptable. */
    public static Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.tooLong");
        }
        return Optional.empty();
    }

    static void check(String password) {
        problem(password).ifPresent(key -> {
            throw new IllegalArgumentException("password rejected: " + key);
        });
    }
}
