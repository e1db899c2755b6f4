-- A customer file may carry the potential (1-9) and adoption (issue 16): optional columns, an
-- empty cell keeping what is stored. Checked by the import's parser, so no constraint here.
ALTER TABLE customer_import_stage ADD COLUMN potential INTEGER;
ALTER TABLE customer_import_stage ADD COLUMN adoption VARCHAR(16);
