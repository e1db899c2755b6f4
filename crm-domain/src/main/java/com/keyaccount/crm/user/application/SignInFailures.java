package com.keyaccount.crm.user.application;

/** A user's failed sign-ins that still slow them down: how many, and from how many addresses. */
public record SignInFailures(long failures, long addresses) {

    public boolean any() {
        return failures > 0;
    }
}
