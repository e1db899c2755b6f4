package com.keyaccount.crm.user.application;

import java.security.SecureRandom;

/**
 * Temporary passwords an administrator reads out or sends: 16 characters from an alphabet
 * without look-alikes (0/O, 1/l/I), about 90 bits of randomness.
 */
final class TemporaryPasswords {

    static final int LENGTH = 16;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
