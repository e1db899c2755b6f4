-- A recompute rewrites most tier rows every night: ranks and shares move whenever anyone's
-- revenue does. Room on each page keeps those updates HOT (no index writes, no new pages),
-- and the recompute's scratch table stays out of the write-ahead log (it is emptied after
-- every run; after a crash it is simply empty).
ALTER TABLE customer_tier SET (fillfactor = 50);
ALTER TABLE tier_stage SET UNLOGGED;
