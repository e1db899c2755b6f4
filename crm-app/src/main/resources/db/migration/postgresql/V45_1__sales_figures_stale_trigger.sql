-- Every statement that writes sales_order names the customers it touched, once per statement:
-- a million-line import adds one row per customer, not per line. Transition tables need one
-- trigger per event.
CREATE FUNCTION sales_figures_stale_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sales_figures_stale (customer_id) SELECT DISTINCT customer_id FROM new_lines;
    RETURN NULL;
END $$;

CREATE FUNCTION sales_figures_stale_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sales_figures_stale (customer_id) SELECT DISTINCT customer_id FROM old_lines;
    RETURN NULL;
END $$;

CREATE FUNCTION sales_figures_stale_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sales_figures_stale (customer_id)
    SELECT customer_id FROM new_lines UNION SELECT customer_id FROM old_lines;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_sales_order_inserted AFTER INSERT ON sales_order
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION sales_figures_stale_new();
CREATE TRIGGER tr_sales_order_updated AFTER UPDATE ON sales_order
    REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION sales_figures_stale_moved();
CREATE TRIGGER tr_sales_order_deleted AFTER DELETE ON sales_order
    REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION sales_figures_stale_old();

-- TRUNCATE names no rows: the kept figures are forgotten, and the next run aggregates every line
CREATE FUNCTION sales_figures_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM kept_window;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_sales_order_truncated AFTER TRUNCATE ON sales_order
    FOR EACH STATEMENT EXECUTE FUNCTION sales_figures_forget();
