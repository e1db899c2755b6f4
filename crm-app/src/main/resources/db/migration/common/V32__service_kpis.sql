-- Issue 18, service as a KPI: two more churn-warning thresholds, versioned with the others.
-- complaint_overdue_days: an open complaint whose deadline was missed at least this many days
-- ago (0: as soon as it is missed); satisfaction_drop_points: the latest satisfaction score
-- (0–100) below the one before by more than this. Existing versions get the defaults.
ALTER TABLE churn_policy ADD COLUMN complaint_overdue_days INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE churn_policy ADD COLUMN satisfaction_drop_points INTEGER DEFAULT 20 NOT NULL;
ALTER TABLE churn_policy ADD CONSTRAINT ck_churn_policy_complaint CHECK (complaint_overdue_days BETWEEN 0 AND 90);
ALTER TABLE churn_policy ADD CONSTRAINT ck_churn_policy_satisfaction CHECK (satisfaction_drop_points BETWEEN 1 AND 99);
