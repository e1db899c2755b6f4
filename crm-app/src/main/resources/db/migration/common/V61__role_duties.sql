-- Visit duties per role (issue 19, seed 000 重点客户管理措施): beside the per-tier quotas that make
-- an account's owner's schedule, each role owes the key accounts it looks after its own visits and
-- calls, and an account manager a number of working days a month at key accounts. Key accounts
-- are the customers of the tiers a role has duties for. Blank: no duty.
CREATE TABLE role_duty (
    role                  VARCHAR(32)   NOT NULL,
    tier                  VARCHAR(1)    NOT NULL,
    visit_every_days      INTEGER,
    call_every_days       INTEGER,
    CONSTRAINT pk_role_duty PRIMARY KEY (role, tier),
    CONSTRAINT ck_role_duty_role CHECK (role IN ('ACCOUNT_MANAGER', 'REGIONAL_MANAGER', 'PROVINCE_MANAGER')),
    CONSTRAINT ck_role_duty_days CHECK ((visit_every_days IS NULL OR visit_every_days BETWEEN 1 AND 3650)
        AND (call_every_days IS NULL OR call_every_days BETWEEN 1 AND 3650))
);

CREATE TABLE role_presence (
    role                  VARCHAR(32)   NOT NULL PRIMARY KEY,
    days_per_month        INTEGER,
    updated_by            VARCHAR(64),
    updated_at            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_role_presence_role CHECK (role IN ('ACCOUNT_MANAGER', 'REGIONAL_MANAGER', 'PROVINCE_MANAGER')),
    CONSTRAINT ck_role_presence_days CHECK (days_per_month IS NULL OR days_per_month BETWEEN 0 AND 31)
);

-- seed 000: 省区经理每2个月至少拜访一次、每月至少一次通话; 区域经理每月至少拜访一次、每周至少一次通话;
-- 业务经理每月至少拜访2次、每天至少一次电话; 业务经理每月在重点客户处不得低于10个工作日
INSERT INTO role_duty (role, tier, visit_every_days, call_every_days) VALUES
    ('PROVINCE_MANAGER', 'A', 60, 30),
    ('REGIONAL_MANAGER', 'A', 30, 7),
    ('ACCOUNT_MANAGER', 'A', 15, 1);
INSERT INTO role_presence (role, days_per_month) VALUES
    ('PROVINCE_MANAGER', NULL),
    ('REGIONAL_MANAGER', NULL),
    ('ACCOUNT_MANAGER', 10);

-- A joint visit (协访): the colleagues who came, named on the log; it counts for each of them.
CREATE TABLE contact_participant (
    contact_log_id  BIGINT  NOT NULL REFERENCES contact_log (id) ON DELETE CASCADE,
    user_id         BIGINT  NOT NULL REFERENCES app_user (id),
    CONSTRAINT pk_contact_participant PRIMARY KEY (contact_log_id, user_id)
);
CREATE INDEX ix_contact_participant_user ON contact_participant (user_id, contact_log_id);

-- a person's own visits and calls, for their duties: read by author and channel since a day, the
-- customer in the index too, so a manager's thousands of visits a month are read from it alone
CREATE INDEX ix_contact_log_author ON contact_log (author_id, channel, occurred_at, customer_id);
