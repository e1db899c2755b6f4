-- Prospects on My day by their close-time class (issue 17), and prospect columns in the customer import.

-- A graded prospect is followed up every "cadence days" of its close-time class (ProspectLadder)
-- after its last contact: its own due rule. The class it was scheduled by and its priority class
-- (A–D, seed 003 立项潜在客户分级: higher classes served first) are copied in like owner, tier and
-- city, so My day orders and labels prospects without reading another table per row.
ALTER TABLE follow_up ADD COLUMN prospect_class VARCHAR(1);
ALTER TABLE follow_up ADD COLUMN priority_class VARCHAR(1);
ALTER TABLE follow_up ADD CONSTRAINT ck_follow_up_prospect_class CHECK (prospect_class IN ('A', 'B', 'C', 'D', 'E'));
ALTER TABLE follow_up ADD CONSTRAINT ck_follow_up_priority_class CHECK (priority_class IN ('A', 'B', 'C', 'D'));
ALTER TABLE follow_up DROP CONSTRAINT ck_follow_up_rule;
ALTER TABLE follow_up ADD CONSTRAINT ck_follow_up_rule
    CHECK (due_rule IN ('ANY_CONTACT', 'ON_SITE_VISIT', 'AGREED_DATE', 'UPGRADE_GRACE', 'RESCHEDULED', 'PROSPECT_CLASS'));

-- follow_up is derived: the schedules of prospects graded before this version are computed again
-- at start-up (FirstStart: FollowUpSchedule.fillMissing), by their class.
DELETE FROM follow_up WHERE customer_id IN (SELECT customer_id FROM prospect);

-- The customer import's optional prospect columns, checked per line and staged beside the rest:
-- the stage's code (a name is read as its code), whether it is the ladder's won stage or above
-- (the check against the line's status runs in SQL over the staged file), the close-time class
-- and the expected monthly value. A file without these columns leaves them NULL.
ALTER TABLE customer_import_stage ADD COLUMN stage VARCHAR(8);
ALTER TABLE customer_import_stage ADD COLUMN stage_won BOOLEAN;
ALTER TABLE customer_import_stage ADD COLUMN close_class VARCHAR(1);
ALTER TABLE customer_import_stage ADD COLUMN expected_monthly_value NUMERIC(18, 2);
