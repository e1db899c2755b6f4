-- PostgreSQL only. The count of prospects now (V31) is kept by a statement trigger on customer that
-- pairs the rows before and after an update. PL/pgSQL planned that pairing once per connection,
-- for the size of the first update it saw: after a few one-row updates a connection joined 100k
-- rows with a nested loop over the transition tables (copying the tiers onto the customers ran
-- for over nine minutes, where it takes seconds). Run as EXECUTE, the join is planned for each
-- update's own size. Same result: both sides come from the same rows, now in one pass.
CREATE OR REPLACE FUNCTION prospect_now_customers_updated() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    before JSONB;
    after JSONB;
BEGIN
    -- only customers whose counting columns changed (most updates change none of them)
    EXECUTE $q$
        SELECT COALESCE(jsonb_agg(prospect_now_side(o)), '[]'::jsonb), COALESCE(jsonb_agg(prospect_now_side(n)), '[]'::jsonb)
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.owner_id, o.region, o.status, o.deleted) IS DISTINCT FROM (n.owner_id, n.region, n.status, n.deleted)$q$
        INTO before, after;
    PERFORM prospect_now_customers(before, after);
    RETURN NULL;
END $$;
