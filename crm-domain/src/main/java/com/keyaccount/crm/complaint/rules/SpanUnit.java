package com.keyaccount.crm.complaint.rules;

/** A deadline is a number of working hours or of working days. */
public enum SpanUnit {
    HOURS,
    DAYS
}
