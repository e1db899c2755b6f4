package com.keyaccount.crm.complaint.rules;

/** How serious a complaint is: 一般 / 严重 / 紧急. The policy may tighten deadlines by severity. */
public enum Severity {
    MINOR,
    MAJOR,
    CRITICAL
}
