package com.keyaccount.crm.followup.application;

/** Why an account manager moved a follow-up: a short list to pick from on a phone, and "other". */
public enum RescheduleReason {
    /** the customer asked to be contacted later */
    CUSTOMER_ASKED,
    /** the contact person is travelling, on leave or ill */
    CONTACT_AWAY,
    /** waiting for the customer's reply or decision */
    AWAITING_REPLY,
    /** an on-site visit is already arranged for that day */
    VISIT_PLANNED,
    /** anything else; the note says what */
    OTHER;

    /** "Other" means nothing without the note. */
    public boolean needsNote() {
        return this == OTHER;
    }
}
