-- PostgreSQL only: the directors' funnel (issue 17) reads the whole book's stage changes of a
-- period from a summary kept beside them, not from the changes: per business day, move (from →
-- to) and the length in business days of the stay the move ended, how many changes there were.
-- Triggers keep it exact whoever writes the history (the application, an import, the demo data
-- or a benchmark's set-based SQL): added and removed changes, and customers deleted or restored
-- (a deleted customer's changes count nowhere). The business day needs the business zone, which
-- only the application knows: it writes the zone's offset into prospect_flow_clock at start-up
-- and rebuilds the summary when there was none or it differs (ProspectFlowClock); until then the
-- triggers add nothing. On H2 the funnel reads the changes themselves.
CREATE TABLE prospect_flow_day (
    -- business day number: days since 1970-01-01 at the business zone's offset
    day         INTEGER    NOT NULL,
    from_stage  VARCHAR(8) NOT NULL,
    to_stage    VARCHAR(8) NOT NULL,
    -- business days from reaching from_stage (the change before, or the customer's creation) to this change
    stay_days   INTEGER    NOT NULL,
    changes     BIGINT     NOT NULL,
    PRIMARY KEY (day, from_stage, to_stage, stay_days)
);

CREATE TABLE prospect_flow_clock (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    offset_seconds  INTEGER NOT NULL
);

-- the few deleted customers, found without walking the table
CREATE INDEX ix_customer_deleted ON customer (id) WHERE deleted;

CREATE FUNCTION prospect_flow_day_of(at TIMESTAMP WITH TIME ZONE, off INTEGER) RETURNS INTEGER
    LANGUAGE sql IMMUTABLE AS $$ SELECT floor((date_part('epoch', at) + off) / 86400)::integer $$;

-- The offset in force, waiting while a rebuild holds the clock (so no change falls between the
-- rebuild's snapshot and the offset it writes); NULL before the first build.
CREATE FUNCTION prospect_flow_offset() RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    off INTEGER;
BEGIN
    LOCK TABLE prospect_flow_clock IN ROW SHARE MODE;
    SELECT offset_seconds INTO off FROM prospect_flow_clock WHERE id = 1;
    RETURN off;
END $$;

-- Adds (sign 1) or takes away (sign -1) rows of flows; in key order, so concurrent writers lock alike.
CREATE FUNCTION prospect_flow_apply(flows JSONB, sign INTEGER) RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO prospect_flow_day AS f (day, from_stage, to_stage, stay_days, changes)
    SELECT (e ->> 'day')::integer, e ->> 'from_stage', e ->> 'to_stage', (e ->> 'stay_days')::integer,
           sign * (e ->> 'changes')::bigint
    FROM jsonb_array_elements(flows) e
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, from_stage, to_stage, stay_days) DO UPDATE SET changes = f.changes + EXCLUDED.changes
$$;

CREATE FUNCTION prospect_flows_added() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    off INTEGER := prospect_flow_offset();
    flows JSONB;
BEGIN
    IF off IS NULL THEN
        RETURN NULL;
    END IF;
    -- the stay a new change ends began at the customer's change before it (new or old), else at its creation
    SELECT jsonb_agg(g) INTO flows FROM (
        SELECT x.day, x.from_stage, x.to_stage, x.stay_days, count(*) AS changes FROM (
            SELECT prospect_flow_day_of(n.changed_at, off) AS day, n.from_stage, n.to_stage,
                   prospect_flow_day_of(n.changed_at, off) - prospect_flow_day_of(COALESCE(
                       (SELECT max(q.changed_at) FROM prospect_stage_change q
                        WHERE q.customer_id = n.customer_id
                          AND (q.changed_at < n.changed_at OR (q.changed_at = n.changed_at AND q.id < n.id))),
                       c.created_at), off) AS stay_days
            FROM added n JOIN customer c ON c.id = n.customer_id
            WHERE NOT c.deleted) x
        GROUP BY x.day, x.from_stage, x.to_stage, x.stay_days) g;
    IF flows IS NOT NULL THEN
        PERFORM prospect_flow_apply(flows, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION prospect_flows_removed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    off INTEGER := prospect_flow_offset();
    flows JSONB;
BEGIN
    IF off IS NULL THEN
        RETURN NULL;
    END IF;
    -- a removed change's stay began at the latest earlier change, removed in this statement or kept
    SELECT jsonb_agg(g) INTO flows FROM (
        SELECT x.day, x.from_stage, x.to_stage, x.stay_days, count(*) AS changes FROM (
            SELECT prospect_flow_day_of(o.changed_at, off) AS day, o.from_stage, o.to_stage,
                   prospect_flow_day_of(o.changed_at, off) - prospect_flow_day_of(COALESCE(GREATEST(o.before,
                       (SELECT max(q.changed_at) FROM prospect_stage_change q
                        WHERE q.customer_id = o.customer_id
                          AND (q.changed_at < o.changed_at OR (q.changed_at = o.changed_at AND q.id < o.id)))),
                       c.created_at), off) AS stay_days
            FROM (SELECT r.*, LAG(r.changed_at) OVER (PARTITION BY r.customer_id ORDER BY r.changed_at, r.id) AS before
                  FROM removed r) o
            JOIN customer c ON c.id = o.customer_id
            WHERE NOT c.deleted) x
        GROUP BY x.day, x.from_stage, x.to_stage, x.stay_days) g;
    IF flows IS NOT NULL THEN
        PERFORM prospect_flow_apply(flows, -1);
    END IF;
    RETURN NULL;
END $$;

-- The flows of one customer's whole history.
CREATE FUNCTION prospect_flows_of(customer BIGINT, off INTEGER) RETURNS JSONB LANGUAGE sql STABLE AS $$
    SELECT jsonb_agg(g) FROM (
        SELECT x.day, x.from_stage, x.to_stage, x.stay_days, count(*) AS changes FROM (
            SELECT prospect_flow_day_of(s.changed_at, off) AS day, s.from_stage, s.to_stage,
                   prospect_flow_day_of(s.changed_at, off) - prospect_flow_day_of(COALESCE(
                       LAG(s.changed_at) OVER (ORDER BY s.changed_at, s.id), c.created_at), off) AS stay_days
            FROM prospect_stage_change s JOIN customer c ON c.id = s.customer_id
            WHERE s.customer_id = customer) x
        GROUP BY x.day, x.from_stage, x.to_stage, x.stay_days) g
$$;

CREATE FUNCTION prospect_flows_customer_deleted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    off INTEGER := prospect_flow_offset();
    flows JSONB;
BEGIN
    IF off IS NULL THEN
        RETURN NULL;
    END IF;
    flows := prospect_flows_of(NEW.id, off);
    IF flows IS NOT NULL THEN
        PERFORM prospect_flow_apply(flows, CASE WHEN NEW.deleted THEN -1 ELSE 1 END);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION prospect_flows_truncated() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM prospect_flow_day;
    RETURN NULL;
END $$;

CREATE TRIGGER prospect_flows_added AFTER INSERT ON prospect_stage_change
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION prospect_flows_added();
CREATE TRIGGER prospect_flows_removed AFTER DELETE ON prospect_stage_change
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION prospect_flows_removed();
CREATE TRIGGER prospect_flows_truncated AFTER TRUNCATE ON prospect_stage_change
    FOR EACH STATEMENT EXECUTE FUNCTION prospect_flows_truncated();
CREATE TRIGGER prospect_flows_customer_deleted AFTER UPDATE OF deleted ON customer
    FOR EACH ROW WHEN (OLD.deleted IS DISTINCT FROM NEW.deleted) EXECUTE FUNCTION prospect_flows_customer_deleted();
