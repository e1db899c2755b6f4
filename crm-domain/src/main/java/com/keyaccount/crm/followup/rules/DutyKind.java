package com.keyaccount.crm.followup.rules;

/** What a role's duty asks for: on-site visits (上门拜访), or calls (电话). */
public enum DutyKind {
    VISIT,
    CALL;

    /** The contact log's channel that fulfils it, by name (the rules do not know the log). */
    public String channel() {
        return this == VISIT ? "VISIT" : "PHONE";
    }
}
