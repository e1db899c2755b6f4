package com.keyaccount.crm.scoring.schedule;

/** Which rule set a customer's next due date, so the list can say why it is due. */
public enum DueRule {
    /** last contact of any kind + the tier's "any contact" interval (or since the customer was created). */
    ANY_CONTACT,
    /** last on-site visit + the tier's visit interval (or since the customer was created). */
    ON_SITE_VISIT,
    /** the next-contact date agreed with the customer in the latest log that set one. */
    AGREED_DATE,
    /** upgraded recently: the shorter interval is already past, so the grace period ends it. */
    UPGRADE_GRACE,
    /** moved by hand to a chosen working day, with a reason; stands until the next contact is logged. */
    RESCHEDULED,
    /**
     * a graded prospect: last contact (or since it was created) + the follow-up cadence of its
     * close-time class (seed 003 客户追踪志: A daily, B weekly, C every 15 days, D monthly, E yearly).
     */
    PROSPECT_CLASS,
    /** last on-site visit + the red zone's visit interval (nine-grid: high potential, already using us). */
    RED_ZONE,
    /** last on-site visit + the yellow zone's visit interval (nine-grid: high potential, not using us yet). */
    YELLOW_ZONE
}
