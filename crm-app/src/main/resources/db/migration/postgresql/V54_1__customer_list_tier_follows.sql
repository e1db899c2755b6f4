-- The list's tier order (V54) follows its customer's owner and deletion, in the writer's
-- transaction, whoever the writer is (an edit, a hand-over, an import, psql). A row trigger whose
-- WHEN is false is not even queued, so the many customer updates that change neither cost nothing.
CREATE FUNCTION customer_list_tier_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.deleted THEN
        DELETE FROM customer_list_tier WHERE customer_id = NEW.id;
    ELSE
        INSERT INTO customer_list_tier (customer_id, owner_id, sort_tier)
        VALUES (NEW.id, NEW.owner_id, (SELECT effective_tier FROM customer_tier WHERE customer_id = NEW.id))
        ON CONFLICT (customer_id) DO UPDATE SET owner_id = EXCLUDED.owner_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_customer_list_tier_added AFTER INSERT ON customer FOR EACH ROW
    EXECUTE FUNCTION customer_list_tier_follow();

CREATE TRIGGER tr_customer_list_tier_moved AFTER UPDATE OF owner_id, deleted ON customer FOR EACH ROW
    WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.deleted IS DISTINCT FROM NEW.deleted)
    EXECUTE FUNCTION customer_list_tier_follow();

-- the list's tier sort and filter read a page's ids from this index alone, as V41_1's do
CREATE INDEX ix_customer_list_tier ON customer_list_tier (sort_tier, customer_id) INCLUDE (owner_id);
