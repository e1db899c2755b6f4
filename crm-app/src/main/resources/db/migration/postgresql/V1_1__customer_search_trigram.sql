-- PostgreSQL only: substring search on name and code ("contains", case-insensitive) uses
-- trigram indexes so the customer list stays fast at 100k rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX ix_customer_name_trgm ON customer USING gin (lower(name) public.gin_trgm_ops);
CREATE INDEX ix_customer_code_trgm ON customer USING gin (lower(code) public.gin_trgm_ops);
