-- My day on a phone (issue 14): a follow-up moved by hand, and the city My day filters by.

-- An account manager moves a customer's next contact to a chosen working day, with a reason
-- (a code of followup.application.RescheduleReason) and an optional note. One row per customer:
-- rescheduling again replaces it, and logging a contact removes it. Written only by
-- followup.application.RescheduleStore; the schedule (follow_up) takes the day from here.
CREATE TABLE follow_up_reschedule (
    customer_id   BIGINT        PRIMARY KEY REFERENCES customer (id),
    due_on        DATE          NOT NULL,
    reason        VARCHAR(20)   NOT NULL,
    note          VARCHAR(200),
    set_by_id     BIGINT        NOT NULL REFERENCES app_user (id),
    set_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_follow_up_reschedule_reason
        CHECK (reason IN ('CUSTOMER_ASKED', 'CONTACT_AWAY', 'AWAITING_REPLY', 'VISIT_PLANNED', 'OTHER'))
);

ALTER TABLE follow_up DROP CONSTRAINT ck_follow_up_rule;
ALTER TABLE follow_up ADD CONSTRAINT ck_follow_up_rule
    CHECK (due_rule IN ('ANY_CONTACT', 'ON_SITE_VISIT', 'AGREED_DATE', 'UPGRADE_GRACE', 'RESCHEDULED'));

-- The customer's city as its address names it (江苏省南京市… → 南京; customer.CityOfAddress),
-- copied in like owner and tier so that filtering My day by city stays within the manager's rows.
ALTER TABLE follow_up ADD COLUMN city VARCHAR(40);

-- follow_up is derived data (the schedule is computed, never typed). SQL cannot read a city out
-- of an address the way the application does, so the rows are dropped here and computed again,
-- with their city, when the application starts (FirstStart: FollowUpSchedule.fillMissing).
DELETE FROM follow_up;
