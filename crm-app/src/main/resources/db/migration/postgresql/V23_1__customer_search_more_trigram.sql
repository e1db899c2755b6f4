-- PostgreSQL only: the search box also matches pinyin initials, phone and contacts' names and
-- phones ("contains"), so these get trigram indexes like name and code (V1_1). The partial index
-- lets the start-up fill of missing initials find its rows without walking the table.
CREATE INDEX ix_customer_initials_trgm ON customer USING gin (name_initials public.gin_trgm_ops);
CREATE INDEX ix_customer_phone_trgm ON customer USING gin (phone public.gin_trgm_ops);
CREATE INDEX ix_contact_name_trgm ON contact USING gin (lower(name) public.gin_trgm_ops);
CREATE INDEX ix_contact_phone_trgm ON contact USING gin (phone public.gin_trgm_ops);
CREATE INDEX ix_customer_initials_missing ON customer (id) WHERE name_initials IS NULL;
