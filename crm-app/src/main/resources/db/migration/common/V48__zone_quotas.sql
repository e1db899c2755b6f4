-- Nine-grid zones in the visit-quota policy (issue 16): the on-site visit quota of the red and
-- yellow zones (seed 003: about 8 a month; 2 to 4 a month) and what a customer's visit cadence
-- follows: its tier (as before, so nothing changes until an admin publishes otherwise), its zone,
-- or whichever is due first. NULL at_least_every_days: no minimum. Policies and drafts alike.
ALTER TABLE visit_quota_policy ADD COLUMN cadence_follows VARCHAR(16) DEFAULT 'TIER' NOT NULL;
ALTER TABLE visit_quota_policy ADD COLUMN red_at_least_every_days INTEGER;
ALTER TABLE visit_quota_policy ADD COLUMN red_at_most_per_30_days INTEGER;
ALTER TABLE visit_quota_policy ADD COLUMN yellow_at_least_every_days INTEGER;
ALTER TABLE visit_quota_policy ADD COLUMN yellow_at_most_per_30_days INTEGER;
UPDATE visit_quota_policy SET red_at_least_every_days = 4, yellow_at_least_every_days = 15, yellow_at_most_per_30_days = 4;
ALTER TABLE visit_quota_policy ADD CONSTRAINT ck_visit_quota_policy_follows CHECK (cadence_follows IN ('TIER', 'ZONE', 'STRICTER'));
ALTER TABLE visit_quota_policy ADD CONSTRAINT ck_visit_quota_policy_zone_min CHECK (red_at_least_every_days BETWEEN 1 AND 3650
    AND yellow_at_least_every_days BETWEEN 1 AND 3650);
ALTER TABLE visit_quota_policy ADD CONSTRAINT ck_visit_quota_policy_zone_max CHECK (red_at_most_per_30_days BETWEEN 1 AND 1000
    AND yellow_at_most_per_30_days BETWEEN 1 AND 1000);
ALTER TABLE visit_quota_draft ADD COLUMN cadence_follows VARCHAR(16) DEFAULT 'TIER' NOT NULL;
ALTER TABLE visit_quota_draft ADD COLUMN red_at_least_every_days INTEGER;
ALTER TABLE visit_quota_draft ADD COLUMN red_at_most_per_30_days INTEGER;
ALTER TABLE visit_quota_draft ADD COLUMN yellow_at_least_every_days INTEGER;
ALTER TABLE visit_quota_draft ADD COLUMN yellow_at_most_per_30_days INTEGER;
UPDATE visit_quota_draft SET red_at_least_every_days = 4, yellow_at_least_every_days = 15, yellow_at_most_per_30_days = 4;
ALTER TABLE visit_quota_draft ADD CONSTRAINT ck_visit_quota_draft_follows CHECK (cadence_follows IN ('TIER', 'ZONE', 'STRICTER'));
ALTER TABLE visit_quota_draft ADD CONSTRAINT ck_visit_quota_draft_zone_min CHECK (red_at_least_every_days BETWEEN 1 AND 3650
    AND yellow_at_least_every_days BETWEEN 1 AND 3650);
ALTER TABLE visit_quota_draft ADD CONSTRAINT ck_visit_quota_draft_zone_max CHECK (red_at_most_per_30_days BETWEEN 1 AND 1000
    AND yellow_at_most_per_30_days BETWEEN 1 AND 1000);

ALTER TABLE follow_up DROP CONSTRAINT ck_follow_up_rule;
ALTER TABLE follow_up ADD CONSTRAINT ck_follow_up_rule
    CHECK (due_rule IN ('ANY_CONTACT', 'ON_SITE_VISIT', 'AGREED_DATE', 'UPGRADE_GRACE', 'RESCHEDULED', 'PROSPECT_CLASS',
                        'RED_ZONE', 'YELLOW_ZONE'));
