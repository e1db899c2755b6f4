-- The ranking is ~1.2 MB of ids and shares, rewritten by every recompute that moves anyone.
-- Compressing it (pglz) took ~150 ms of each such run for ~450 kB saved on one row: store it as is.
ALTER TABLE tier_ranking ALTER COLUMN customer_ids SET STORAGE EXTERNAL;
ALTER TABLE tier_ranking ALTER COLUMN shares_before SET STORAGE EXTERNAL;
