-- Issue 16: a company's ladder has three to five tiers (seed 002's four classes, seed 003's A–E).
-- Every column that stores a tier accepts the five codes a ladder may use; which of them are in
-- use is the ladder in force's to say (the classifiers only produce its codes), so a row written
-- under a longer ladder stays readable after a shorter one is published. A CHECK rather than a
-- foreign key to a code table: PostgreSQL checks a foreign key row by row, which V40_1 took off
-- the tier writes for speed.
ALTER TABLE customer_tier DROP CONSTRAINT ck_customer_tier_effective;
ALTER TABLE customer_tier DROP CONSTRAINT ck_customer_tier_computed;
ALTER TABLE customer_tier DROP CONSTRAINT ck_customer_tier_pinned;
ALTER TABLE customer_tier ADD CONSTRAINT ck_customer_tier_effective CHECK (effective_tier IN ('A', 'B', 'C', 'D', 'E'));
ALTER TABLE customer_tier ADD CONSTRAINT ck_customer_tier_computed CHECK (computed_tier IN ('A', 'B', 'C', 'D', 'E'));
ALTER TABLE customer_tier ADD CONSTRAINT ck_customer_tier_pinned CHECK (pinned_tier IN ('A', 'B', 'C', 'D', 'E'));

ALTER TABLE tier_change DROP CONSTRAINT ck_tier_change_from;
ALTER TABLE tier_change DROP CONSTRAINT ck_tier_change_to;
ALTER TABLE tier_change ADD CONSTRAINT ck_tier_change_from CHECK (from_tier IN ('A', 'B', 'C', 'D', 'E'));
ALTER TABLE tier_change ADD CONSTRAINT ck_tier_change_to CHECK (to_tier IN ('A', 'B', 'C', 'D', 'E'));

ALTER TABLE customer_line_tier DROP CONSTRAINT ck_customer_line_tier;
ALTER TABLE customer_line_tier ADD CONSTRAINT ck_customer_line_tier CHECK (tier IN ('A', 'B', 'C', 'D', 'E'));

ALTER TABLE follow_up DROP CONSTRAINT ck_follow_up_tier;
ALTER TABLE follow_up ADD CONSTRAINT ck_follow_up_tier CHECK (tier IN ('A', 'B', 'C', 'D', 'E'));

ALTER TABLE visit_quota DROP CONSTRAINT ck_visit_quota_tier;
ALTER TABLE visit_quota ADD CONSTRAINT ck_visit_quota_tier CHECK (tier IN ('A', 'B', 'C', 'D', 'E'));

ALTER TABLE visit_quota_draft_row DROP CONSTRAINT ck_visit_quota_draft_row_tier;
ALTER TABLE visit_quota_draft_row ADD CONSTRAINT ck_visit_quota_draft_row_tier CHECK (tier IN ('A', 'B', 'C', 'D', 'E'));

ALTER TABLE complaint DROP CONSTRAINT ck_complaint_tier;
ALTER TABLE complaint ADD CONSTRAINT ck_complaint_tier CHECK (tier IN ('A', 'B', 'C', 'D', 'E'));

-- the tiers whose contacts get care tasks, e.g. 'ABCD'
ALTER TABLE care_policy ALTER COLUMN care_tiers SET DATA TYPE VARCHAR(5);

-- Pareto's cuts and the hard rules' floors of a fourth and fifth tier, as JSON like the ladder
-- (the scorecard's go with its own JSON); a version from before has none.
ALTER TABLE tier_policy ADD COLUMN lower_boundaries VARCHAR(1000);
