-- The search box with two characters (合众, 华为: most Chinese company names are found by two):
-- trigram indexes need three, so such a term read every customer and every contact (250-300 ms
-- at 100k customers). Here every pair of neighbouring characters of what the search box reads is
-- indexed. The fields are joined with a space, which a stripped two-character term never holds,
-- so no pair across two fields can match. search_pairs is what the index holds; customer_has_pair
-- and contact_has_pair are what the list asks (inlined by PostgreSQL, so the index answers).
CREATE FUNCTION search_pairs(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
    FROM generate_series(1, char_length(t) - 1) i $$;

CREATE FUNCTION customer_search_text(name text, code text, phone text, initials text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(name, '') || ' ' || coalesce(code, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(initials, '') $$;

CREATE FUNCTION customer_has_pair(name text, code text, phone text, initials text, pair text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT search_pairs(customer_search_text(name, code, phone, initials)) @> ARRAY[pair] $$;

CREATE FUNCTION contact_search_text(name text, phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(name, '') || ' ' || coalesce(phone, '') $$;

CREATE FUNCTION contact_has_pair(name text, phone text, pair text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT search_pairs(contact_search_text(name, phone)) @> ARRAY[pair] $$;

-- indexed through the same functions as asked, so that both read the columns cast alike
CREATE INDEX ix_customer_search_pairs ON customer
    USING gin (search_pairs(customer_search_text(name, code, phone, name_initials)));
CREATE INDEX ix_contact_search_pairs ON contact USING gin (search_pairs(contact_search_text(name, phone)));
