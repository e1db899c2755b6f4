package com.keyaccount.crm.customer;

/** SPEC: a lost customer carries its reason in words (丢失客户访谈), whether edited or marked lost. */
final class LostReason {

    private LostReason() {
    }

    /** The reason, stripped. */
    static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a lost customer needs a reason");
        }
        return reason.strip();
    }
}
