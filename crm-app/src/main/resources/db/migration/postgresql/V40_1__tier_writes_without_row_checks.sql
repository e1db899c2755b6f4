-- Issue 20: a first classification or a new policy version writes every tier row and a history
-- row per moved customer, each set-based in one statement from tier_stage. PostgreSQL checks a
-- foreign key row by row (a lookup and a key-share lock on the customer or run, per row): at 100k
-- customers those checks took more than half of both statements' time. Only TierStore writes
-- these tables, always with ids it has just read from customer (customers are never deleted, only
-- marked deleted) and the run it holds (recompute runs are never deleted), so the references hold
-- without the per-row checks. H2, the zero-setup default for small books, keeps them.
ALTER TABLE customer_tier DROP CONSTRAINT customer_tier_customer_id_fkey;
ALTER TABLE tier_change DROP CONSTRAINT tier_change_customer_id_fkey;
ALTER TABLE tier_change DROP CONSTRAINT tier_change_run_id_fkey;
