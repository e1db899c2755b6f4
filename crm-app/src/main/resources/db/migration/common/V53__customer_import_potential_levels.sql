-- Issue 16: where the admin scores potential by two factors, a customer file may give the level
-- of each factor (e.g. 客户规模 大型, 决策人职位 中层) instead of the score: the table gives the score,
-- and the levels are kept as the form keeps them (0-based, the table's row and column).
ALTER TABLE customer_import_stage ADD COLUMN potential_row INTEGER;
ALTER TABLE customer_import_stage ADD COLUMN potential_column INTEGER;
