-- Churn early-warning thresholds (SPEC 流失预警), versioned like the other rules; the highest
-- version is in force. An admin editor comes with the admin console.
CREATE TABLE churn_policy (
    version                 INTEGER      PRIMARY KEY,
    revenue_drop_percent    INTEGER      NOT NULL,
    days_to_pay_increase    INTEGER      NOT NULL,
    silence_factor          INTEGER      NOT NULL,
    downgrade_within_days   INTEGER      NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(64)  NOT NULL,
    CONSTRAINT ck_churn_policy_drop CHECK (revenue_drop_percent BETWEEN 1 AND 100),
    CONSTRAINT ck_churn_policy_pay CHECK (days_to_pay_increase >= 1),
    CONSTRAINT ck_churn_policy_silence CHECK (silence_factor >= 1),
    CONSTRAINT ck_churn_policy_downgrade CHECK (downgrade_within_days >= 1)
);
INSERT INTO churn_policy (version, revenue_drop_percent, days_to_pay_increase, silence_factor,
                          downgrade_within_days, created_at, created_by)
VALUES (1, 30, 15, 2, 90, CURRENT_TIMESTAMP, 'system');
