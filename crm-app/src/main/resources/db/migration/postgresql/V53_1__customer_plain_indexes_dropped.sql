-- Issue 20: every index on customer gets a new entry for each row an UPDATE rewrites outside a HOT
-- update, and the list's tier copy (sort_tier, indexed) makes every tier move such an update: a
-- new policy version or a first classification moving 95,000 customers spent 12-14 s in those
-- index writes, about 0.6 s per index at 100k. These five V1 indexes serve nothing V41_1's list
-- indexes (the same leading column, live customers only) do not serve better: every query on these
-- columns reads live customers.
DROP INDEX IF EXISTS ix_customer_name;
DROP INDEX IF EXISTS ix_customer_region;
DROP INDEX IF EXISTS ix_customer_industry;
DROP INDEX IF EXISTS ix_customer_status;
DROP INDEX IF EXISTS ix_customer_updated;
