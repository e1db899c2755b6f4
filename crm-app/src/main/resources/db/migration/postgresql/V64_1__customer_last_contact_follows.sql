-- The latest contact (V64) follows the customers and their contact log. Statement triggers over
-- the rows a statement wrote, so a bulk load of a million log entries costs one update per
-- customer, not one per entry. Entries added are written in customer order, so two writers of
-- overlapping customers cannot deadlock.
CREATE FUNCTION customer_last_contact_opened() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_last_contact (customer_id, last_contact_at)
    SELECT id, NULL FROM added ORDER BY id
    ON CONFLICT (customer_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION customer_last_contact_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_last_contact AS kept (customer_id, last_contact_at)
    SELECT customer_id, MAX(occurred_at) FROM added GROUP BY customer_id ORDER BY customer_id
    ON CONFLICT (customer_id) DO UPDATE SET last_contact_at = EXCLUDED.last_contact_at
        WHERE kept.last_contact_at IS NULL OR kept.last_contact_at < EXCLUDED.last_contact_at;
    RETURN NULL;
END $$;

-- an entry moved or removed (psql, a clean-up; the application only adds): the customers it
-- touched are counted again from what the log now holds
CREATE FUNCTION customer_last_contact_recount(touched BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE customer_last_contact kept
    SET last_contact_at = (SELECT MAX(l.occurred_at) FROM contact_log l WHERE l.customer_id = kept.customer_id)
    WHERE kept.customer_id = ANY (touched);
$$;

CREATE FUNCTION customer_last_contact_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM customer_last_contact_recount(ARRAY(SELECT customer_id FROM removed UNION SELECT customer_id FROM added));
    RETURN NULL;
END $$;

CREATE FUNCTION customer_last_contact_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM customer_last_contact_recount(ARRAY(SELECT DISTINCT customer_id FROM removed));
    RETURN NULL;
END $$;

CREATE TRIGGER tr_customer_last_contact_opened AFTER INSERT ON customer
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION customer_last_contact_opened();
CREATE TRIGGER tr_customer_last_contact_added AFTER INSERT ON contact_log
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION customer_last_contact_added();
CREATE TRIGGER tr_customer_last_contact_moved AFTER UPDATE ON contact_log
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION customer_last_contact_moved();
CREATE TRIGGER tr_customer_last_contact_removed AFTER DELETE ON contact_log
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION customer_last_contact_removed();
