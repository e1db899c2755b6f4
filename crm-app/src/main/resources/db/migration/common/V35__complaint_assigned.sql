-- A complaint can be handed to another account manager: the timeline records it as a step.
ALTER TABLE complaint_step DROP CONSTRAINT ck_complaint_step;
ALTER TABLE complaint_step ADD CONSTRAINT ck_complaint_step
    CHECK (step IN ('RECEIVED', 'ANSWERED', 'RESOLVED', 'CONFIRMED', 'REOPENED', 'ASSIGNED'));
