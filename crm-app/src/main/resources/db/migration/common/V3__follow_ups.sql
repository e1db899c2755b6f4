-- Visit quotas, the business calendar and the follow-up schedule.
-- follow_up holds each customer's computed next due date beside the customer (like
-- customer_tier), with the owner and tier copied in so "My day" is one index range per manager.

CREATE TABLE visit_quota_policy (
    version             INTEGER      PRIMARY KEY,
    upgrade_grace_days  INTEGER      NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(64)  NOT NULL,
    note                VARCHAR(500),
    CONSTRAINT ck_visit_quota_policy_grace CHECK (upgrade_grace_days BETWEEN 0 AND 365)
);

CREATE TABLE visit_quota (
    policy_version        INTEGER      NOT NULL REFERENCES visit_quota_policy (version),
    tier                  VARCHAR(1)   NOT NULL,
    channel_group         VARCHAR(16)  NOT NULL,
    -- NULL: no minimum / no maximum
    at_least_every_days   INTEGER,
    at_most_per_30_days   INTEGER,
    PRIMARY KEY (policy_version, tier, channel_group),
    CONSTRAINT ck_visit_quota_tier CHECK (tier IN ('A', 'B', 'C')),
    CONSTRAINT ck_visit_quota_group CHECK (channel_group IN ('ANY_CONTACT', 'ON_SITE_VISIT')),
    CONSTRAINT ck_visit_quota_min CHECK (at_least_every_days BETWEEN 1 AND 3650),
    CONSTRAINT ck_visit_quota_max CHECK (at_most_per_30_days BETWEEN 1 AND 1000)
);

INSERT INTO visit_quota_policy (version, upgrade_grace_days, created_at, created_by, note)
VALUES (1, 7, CURRENT_TIMESTAMP, 'system', 'SPEC defaults');
INSERT INTO visit_quota (policy_version, tier, channel_group, at_least_every_days, at_most_per_30_days) VALUES
    (1, 'A', 'ANY_CONTACT', 7, NULL),
    (1, 'A', 'ON_SITE_VISIT', 30, NULL),
    (1, 'B', 'ANY_CONTACT', 14, NULL),
    (1, 'B', 'ON_SITE_VISIT', 90, NULL),
    (1, 'C', 'ANY_CONTACT', 30, 4),
    (1, 'C', 'ON_SITE_VISIT', NULL, NULL);

-- Days that differ from "Monday to Friday work": public holidays, and weekend days declared
-- make-up working days (调休上班). Names are shown on My day.
CREATE TABLE calendar_day (
    calendar_date DATE        PRIMARY KEY,
    kind         VARCHAR(16)  NOT NULL,
    name_zh      VARCHAR(40)  NOT NULL,
    name_en      VARCHAR(60)  NOT NULL,
    -- not yet confirmed by the State Council's notice: statutory days only, no 调休
    provisional  BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT ck_calendar_day_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);

-- 2025: 国办发明电〔2024〕12号
INSERT INTO calendar_day (calendar_date, kind, name_zh, name_en) VALUES
    (DATE '2025-01-01', 'HOLIDAY', '元旦', 'New Year''s Day'),
    (DATE '2025-01-26', 'WORKDAY', '春节调休上班', 'Spring Festival make-up workday'),
    (DATE '2025-01-28', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2025-01-29', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2025-01-30', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2025-01-31', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2025-02-01', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2025-02-02', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2025-02-03', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2025-02-04', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2025-02-08', 'WORKDAY', '春节调休上班', 'Spring Festival make-up workday'),
    (DATE '2025-04-04', 'HOLIDAY', '清明节', 'Qingming Festival'),
    (DATE '2025-04-05', 'HOLIDAY', '清明节', 'Qingming Festival'),
    (DATE '2025-04-06', 'HOLIDAY', '清明节', 'Qingming Festival'),
    (DATE '2025-04-27', 'WORKDAY', '劳动节调休上班', 'Labour Day make-up workday'),
    (DATE '2025-05-01', 'HOLIDAY', '劳动节', 'Labour Day'),
    (DATE '2025-05-02', 'HOLIDAY', '劳动节', 'Labour Day'),
    (DATE '2025-05-03', 'HOLIDAY', '劳动节', 'Labour Day'),
    (DATE '2025-05-04', 'HOLIDAY', '劳动节', 'Labour Day'),
    (DATE '2025-05-05', 'HOLIDAY', '劳动节', 'Labour Day'),
    (DATE '2025-05-31', 'HOLIDAY', '端午节', 'Dragon Boat Festival'),
    (DATE '2025-06-01', 'HOLIDAY', '端午节', 'Dragon Boat Festival'),
    (DATE '2025-06-02', 'HOLIDAY', '端午节', 'Dragon Boat Festival'),
    (DATE '2025-09-28', 'WORKDAY', '国庆调休上班', 'National Day make-up workday'),
    (DATE '2025-10-01', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2025-10-02', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2025-10-03', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2025-10-04', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2025-10-05', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2025-10-06', 'HOLIDAY', '中秋节', 'Mid-Autumn Festival'),
    (DATE '2025-10-07', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2025-10-08', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2025-10-11', 'WORKDAY', '国庆调休上班', 'National Day make-up workday');

-- 2026: the State Council's notice for 2026
INSERT INTO calendar_day (calendar_date, kind, name_zh, name_en) VALUES
    (DATE '2026-01-01', 'HOLIDAY', '元旦', 'New Year''s Day'),
    (DATE '2026-01-02', 'HOLIDAY', '元旦', 'New Year''s Day'),
    (DATE '2026-01-03', 'HOLIDAY', '元旦', 'New Year''s Day'),
    (DATE '2026-01-04', 'WORKDAY', '元旦调休上班', 'New Year make-up workday'),
    (DATE '2026-02-14', 'WORKDAY', '春节调休上班', 'Spring Festival make-up workday'),
    (DATE '2026-02-15', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2026-02-16', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2026-02-17', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2026-02-18', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2026-02-19', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2026-02-20', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2026-02-21', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2026-02-22', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2026-02-23', 'HOLIDAY', '春节', 'Spring Festival'),
    (DATE '2026-02-28', 'WORKDAY', '春节调休上班', 'Spring Festival make-up workday'),
    (DATE '2026-04-04', 'HOLIDAY', '清明节', 'Qingming Festival'),
    (DATE '2026-04-05', 'HOLIDAY', '清明节', 'Qingming Festival'),
    (DATE '2026-04-06', 'HOLIDAY', '清明节', 'Qingming Festival'),
    (DATE '2026-05-01', 'HOLIDAY', '劳动节', 'Labour Day'),
    (DATE '2026-05-02', 'HOLIDAY', '劳动节', 'Labour Day'),
    (DATE '2026-05-03', 'HOLIDAY', '劳动节', 'Labour Day'),
    (DATE '2026-05-04', 'HOLIDAY', '劳动节', 'Labour Day'),
    (DATE '2026-05-05', 'HOLIDAY', '劳动节', 'Labour Day'),
    (DATE '2026-05-09', 'WORKDAY', '劳动节调休上班', 'Labour Day make-up workday'),
    (DATE '2026-06-19', 'HOLIDAY', '端午节', 'Dragon Boat Festival'),
    (DATE '2026-06-20', 'HOLIDAY', '端午节', 'Dragon Boat Festival'),
    (DATE '2026-06-21', 'HOLIDAY', '端午节', 'Dragon Boat Festival'),
    (DATE '2026-09-20', 'WORKDAY', '国庆调休上班', 'National Day make-up workday'),
    (DATE '2026-09-25', 'HOLIDAY', '中秋节', 'Mid-Autumn Festival'),
    (DATE '2026-09-26', 'HOLIDAY', '中秋节', 'Mid-Autumn Festival'),
    (DATE '2026-09-27', 'HOLIDAY', '中秋节', 'Mid-Autumn Festival'),
    (DATE '2026-10-01', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2026-10-02', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2026-10-03', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2026-10-04', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2026-10-05', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2026-10-06', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2026-10-07', 'HOLIDAY', '国庆节', 'National Day'),
    (DATE '2026-10-10', 'WORKDAY', '国庆调休上班', 'National Day make-up workday');

-- 2027: provisional until the State Council publishes its notice. Statutory days only
-- (全国年节及纪念日放假办法, 2024 revision: 春节 除夕 to 初三, 劳动节 2 days, 国庆 3 days);
-- admins add the bridging days and 调休 make-up days when the notice is out.
INSERT INTO calendar_day (calendar_date, kind, name_zh, name_en, provisional) VALUES
    (DATE '2027-01-01', 'HOLIDAY', '元旦', 'New Year''s Day', TRUE),
    (DATE '2027-02-05', 'HOLIDAY', '春节', 'Spring Festival', TRUE),
    (DATE '2027-02-06', 'HOLIDAY', '春节', 'Spring Festival', TRUE),
    (DATE '2027-02-07', 'HOLIDAY', '春节', 'Spring Festival', TRUE),
    (DATE '2027-02-08', 'HOLIDAY', '春节', 'Spring Festival', TRUE),
    (DATE '2027-04-05', 'HOLIDAY', '清明节', 'Qingming Festival', TRUE),
    (DATE '2027-05-01', 'HOLIDAY', '劳动节', 'Labour Day', TRUE),
    (DATE '2027-05-02', 'HOLIDAY', '劳动节', 'Labour Day', TRUE),
    (DATE '2027-06-09', 'HOLIDAY', '端午节', 'Dragon Boat Festival', TRUE),
    (DATE '2027-09-15', 'HOLIDAY', '中秋节', 'Mid-Autumn Festival', TRUE),
    (DATE '2027-10-01', 'HOLIDAY', '国庆节', 'National Day', TRUE),
    (DATE '2027-10-02', 'HOLIDAY', '国庆节', 'National Day', TRUE),
    (DATE '2027-10-03', 'HOLIDAY', '国庆节', 'National Day', TRUE);

CREATE TABLE follow_up (
    customer_id       BIGINT       PRIMARY KEY REFERENCES customer (id),
    owner_id          BIGINT       NOT NULL REFERENCES app_user (id),
    -- the effective tier the schedule was computed for ('C' while not yet classified)
    tier              VARCHAR(1)   NOT NULL,
    -- NULL: nothing due (a lost customer, or a tier without a minimum and nothing agreed)
    due_on            DATE,
    due_rule          VARCHAR(16),
    basis_on          DATE,
    interval_days     INTEGER,
    last_contact_on   DATE,
    last_visit_on     DATE,
    quota_version     INTEGER      NOT NULL,
    refreshed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_follow_up_tier CHECK (tier IN ('A', 'B', 'C')),
    CONSTRAINT ck_follow_up_rule CHECK (due_rule IN ('ANY_CONTACT', 'ON_SITE_VISIT', 'AGREED_DATE', 'UPGRADE_GRACE'))
);
CREATE INDEX ix_follow_up_owner_tier_due ON follow_up (owner_id, tier, due_on);

-- Birthdays and anniversaries as month * 100 + day, so "this week's special days" is an
-- index lookup on a handful of values instead of a scan of every contact.
ALTER TABLE contact ADD COLUMN birthday_md SMALLINT;
ALTER TABLE contact ADD COLUMN anniversary_md SMALLINT;
UPDATE contact SET birthday_md = EXTRACT(MONTH FROM birthday) * 100 + EXTRACT(DAY FROM birthday)
    WHERE birthday IS NOT NULL;
UPDATE contact SET anniversary_md = EXTRACT(MONTH FROM anniversary) * 100 + EXTRACT(DAY FROM anniversary)
    WHERE anniversary IS NOT NULL;
CREATE INDEX ix_contact_birthday_md ON contact (birthday_md);
CREATE INDEX ix_contact_anniversary_md ON contact (anniversary_md);

-- SPEC 每季度核实: the owner's list of profiles not verified for 90 days.
CREATE INDEX ix_customer_owner_verified ON customer (owner_id, deleted, verified_at, id);
