-- Issue 16: a fourth method, bands by share of customers (seed 002: the top 20% of customers by
-- purchases, the next 30%, …). Its cut points go with each published version as JSON, like the
-- tier names; a version from before has none and reads as the seed's 20% and 50%.
ALTER TABLE tier_policy ADD COLUMN share_cuts VARCHAR(500);
ALTER TABLE tier_policy DROP CONSTRAINT ck_tier_policy_method;
ALTER TABLE tier_policy ADD CONSTRAINT ck_tier_policy_method
    CHECK (method IN ('PARETO', 'SCORECARD', 'HARD_RULES', 'CUSTOMER_SHARE'));
