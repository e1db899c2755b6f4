package com.keyaccount.crm.prospect.application;

/** Someone else moved or graded the prospect since the user loaded it. */
public class StaleProspectException extends RuntimeException {

    StaleProspectException(long customerId) {
        super("prospect of customer " + customerId + " changed meanwhile");
    }
}
