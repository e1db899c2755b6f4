-- Every written sales line names its customer in sales_figures_stale, in the writer's transaction,
-- whoever the writer is (the application, a script, psql). The import names the customers of a
-- whole file in one statement itself and says so with the setting crm.sales_named: a row trigger
-- whose WHEN is false is not even queued, so a million-line import pays nothing here. (A
-- statement trigger with transition tables would copy every written row aside: an eighth more
-- time for a million-line import.)
CREATE FUNCTION sales_figures_stale_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO sales_figures_stale (customer_id) VALUES (OLD.customer_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.customer_id <> OLD.customer_id) THEN
        INSERT INTO sales_figures_stale (customer_id) VALUES (NEW.customer_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_sales_order_written AFTER INSERT OR UPDATE OR DELETE ON sales_order FOR EACH ROW
    WHEN (current_setting('crm.sales_named', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION sales_figures_stale_row();

-- TRUNCATE names no rows: the kept figures are forgotten, and the next run aggregates every line
CREATE FUNCTION sales_figures_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM kept_window;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_sales_order_truncated AFTER TRUNCATE ON sales_order
    FOR EACH STATEMENT EXECUTE FUNCTION sales_figures_forget();
