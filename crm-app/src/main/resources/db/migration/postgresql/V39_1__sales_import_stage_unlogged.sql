-- As tier_stage (V13) and line_tier_stage (V21_1): a file's lines wait here only until it is
-- merged or rejected, and a crash loses only imports that fail anyway, so they stay out of the
-- write-ahead log (a million-line file is staged by COPY).
ALTER TABLE sales_import_stage SET UNLOGGED;
