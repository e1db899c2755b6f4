-- As tier_stage (V13): emptied after every run, so kept out of the write-ahead log.
ALTER TABLE line_tier_stage SET UNLOGGED;
