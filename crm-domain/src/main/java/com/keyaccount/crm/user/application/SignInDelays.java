package com.keyaccount.crm.user.application;

import java.time.Duration;

/**
 * How long a sign-in waits after failed ones: the numbers the README's security section
 * documents. Never a lock: the longest wait is {@link #LONGEST}, so a legitimate user who shares
 * an address with an attacker is slowed down, never shut out.
 */
final class SignInDelays {

    /** Failures of one (username, address) pair before its attempts start to wait: typos are free. */
    static final int FREE_PER_PAIR = 3;
    /**
     * Failures from one address, for all usernames together, before every attempt from it waits
     * (credential stuffing: one guess each for many names). High, because a whole office behind
     * one public address adds up its typos here.
     */
    static final int FREE_PER_ADDRESS = 50;
    static final Duration LONGEST = Duration.ofSeconds(30);
    /** Failures older than this no longer count, and their rows are pruned. */
    static final Duration REMEMBERED = Duration.ofHours(1);

    private SignInDelays() {
    }

    static Duration forPair(int failures) {
        return after(failures, FREE_PER_PAIR);
    }

    static Duration forAddress(long failures) {
        return after(failures, FREE_PER_ADDRESS);
    }

    /** 1 s after the first failure past the free ones, doubling with each further one, up to the longest. */
    private static Duration after(long failures, int free) {
        long over = failures - free;
        if (over <= 0) {
            return Duration.ZERO;
        }
        if (over > 6) {
            return LONGEST;
        }
        Duration doubled = Duration.ofSeconds(1L << (over - 1));
        return doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
    }
}
