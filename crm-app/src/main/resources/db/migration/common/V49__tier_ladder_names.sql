-- Issue 16: the company names its tiers (重要客户 / Key …) as part of the rule set. The names go
-- with each published version as JSON, like its scorecard; a version from before has none and
-- names its tiers as they always were. Tier rows and their history keep the code, so renaming
-- a tier rewrites nothing.
ALTER TABLE tier_policy ADD COLUMN ladder VARCHAR(2000);
