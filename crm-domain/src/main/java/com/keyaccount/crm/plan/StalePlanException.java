package com.keyaccount.crm.plan;

/** Someone changed or decided the plan after this user's page was shown: nothing was written. */
public class StalePlanException extends RuntimeException {

    public StalePlanException() {
        super("the plan changed meanwhile");
    }
}
