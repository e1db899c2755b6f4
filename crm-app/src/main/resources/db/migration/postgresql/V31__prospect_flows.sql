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

-- Where the prospects stand now, counted per stage, grade, refusal reason, owner and region, so
-- the funnel reads a few hundred rows instead of every prospect (FunnelNow). Kept by triggers on
-- prospect and customer: each statement takes away what its rows counted before and adds what
-- they count after. A prospect is a customer not deleted that is a prospect by status or has a
-- prospect row; one without a row counts at stage '' (the lead stage of the ladder in force,
-- named when read), ungraded. Empty strings and 0 stand for "none", which a key cannot hold.
CREATE TABLE prospect_now (
    stage           VARCHAR(8)  NOT NULL,
    close_class     VARCHAR(1)  NOT NULL,
    -- seed 003's prospect class 1–4 (A–D), 0 when ungraded: as ProspectSql.PRIORITY
    priority        SMALLINT    NOT NULL,
    refusal_reason  VARCHAR(20) NOT NULL,
    owner_id        BIGINT      NOT NULL,
    region          VARCHAR(40) NOT NULL,
    prospects       BIGINT      NOT NULL,
    PRIMARY KEY (stage, close_class, priority, refusal_reason, owner_id, region)
);

-- what the funnel still reads row by row: the prospects that moved (or came) since a day
CREATE INDEX ix_prospect_since ON prospect (stage_since);
CREATE INDEX ix_customer_created ON customer (created_at);

CREATE FUNCTION prospect_priority(close_class VARCHAR, monthly NUMERIC) RETURNS SMALLINT
    LANGUAGE sql IMMUTABLE AS $$
    SELECT NULLIF(LEAST(COALESCE(CASE close_class WHEN 'A' THEN 1 WHEN 'B' THEN 1 WHEN 'C' THEN 2 WHEN 'D' THEN 3
               WHEN 'E' THEN 4 END, 9),
           COALESCE(CASE WHEN monthly > 100000 THEN 1 WHEN monthly >= 50000 THEN 2 WHEN monthly >= 20000 THEN 3
               WHEN monthly IS NOT NULL THEN 4 END, 9)), 9)::smallint
$$;

-- Customers (id, owner_id, region, status, deleted) with a sign, each with the prospect row it
-- has (JSON: the row as it was or will be; absent: the one stored), summed into the counts.
CREATE FUNCTION prospect_now_shift(sides JSONB, rows_then JSONB) RETURNS VOID LANGUAGE sql AS $$
    WITH c AS (
        SELECT * FROM jsonb_to_recordset(sides) AS c(id BIGINT, owner_id BIGINT, region TEXT, status TEXT,
                                                     deleted BOOLEAN, sign INTEGER, has_then BOOLEAN)
    ), t AS (
        SELECT * FROM jsonb_to_recordset(rows_then) AS t(customer_id BIGINT, stage TEXT, close_class TEXT,
                                                         expected_monthly_value NUMERIC, refusal_reason TEXT, sign INTEGER)
    ), p AS (
        SELECT c.owner_id, c.region, c.status, c.deleted, c.sign,
               CASE WHEN c.has_then THEN t.customer_id IS NOT NULL ELSE s.customer_id IS NOT NULL END AS has_row,
               CASE WHEN c.has_then THEN t.stage ELSE s.stage END AS stage,
               CASE WHEN c.has_then THEN t.close_class ELSE s.close_class END AS close_class,
               CASE WHEN c.has_then THEN t.expected_monthly_value ELSE s.expected_monthly_value END AS monthly,
               CASE WHEN c.has_then THEN t.refusal_reason ELSE s.refusal_reason END AS refusal_reason
        FROM c LEFT JOIN t ON c.has_then AND t.customer_id = c.id AND t.sign = c.sign
               LEFT JOIN prospect s ON NOT c.has_then AND s.customer_id = c.id
    )
    INSERT INTO prospect_now AS n (stage, close_class, priority, refusal_reason, owner_id, region, prospects)
    SELECT COALESCE(stage, ''), COALESCE(close_class, ''), COALESCE(prospect_priority(close_class, monthly), 0),
           COALESCE(refusal_reason, ''), owner_id, region, sum(sign)
    FROM p WHERE NOT deleted AND (status = 'PROSPECT' OR has_row)
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(sign) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (stage, close_class, priority, refusal_reason, owner_id, region)
    DO UPDATE SET prospects = n.prospects + EXCLUDED.prospects
$$;

-- Prospect rows written: each customer's count moves from its row before (or none) to its row after (or none).
CREATE FUNCTION prospect_now_rows(before JSONB, after JSONB) RETURNS VOID LANGUAGE sql AS $$
    SELECT prospect_now_shift(
        (SELECT jsonb_agg(jsonb_build_object('id', c.id, 'owner_id', c.owner_id, 'region', c.region,
                'status', c.status, 'deleted', c.deleted, 'sign', s.sign, 'has_then', TRUE))
         FROM customer c CROSS JOIN (VALUES (-1), (1)) s(sign)
         WHERE c.id IN (SELECT (e ->> 'customer_id')::bigint FROM jsonb_array_elements(before || after) e)),
        (SELECT COALESCE(jsonb_agg(e || jsonb_build_object('sign', -1)), '[]'::jsonb) FROM jsonb_array_elements(before) e)
        || (SELECT COALESCE(jsonb_agg(e || jsonb_build_object('sign', 1)), '[]'::jsonb) FROM jsonb_array_elements(after) e))
    WHERE jsonb_array_length(before || after) > 0
$$;

CREATE FUNCTION prospect_now_prospects_inserted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM prospect_now_rows('[]'::jsonb, (SELECT COALESCE(jsonb_agg(to_jsonb(n)), '[]'::jsonb) FROM new_rows n));
    RETURN NULL;
END $$;

CREATE FUNCTION prospect_now_prospects_updated() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM prospect_now_rows((SELECT COALESCE(jsonb_agg(to_jsonb(o)), '[]'::jsonb) FROM old_rows o),
                              (SELECT COALESCE(jsonb_agg(to_jsonb(n)), '[]'::jsonb) FROM new_rows n));
    RETURN NULL;
END $$;

CREATE FUNCTION prospect_now_prospects_deleted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM prospect_now_rows((SELECT COALESCE(jsonb_agg(to_jsonb(o)), '[]'::jsonb) FROM old_rows o), '[]'::jsonb);
    RETURN NULL;
END $$;

-- Customer rows written: each moves its count from how it was to how it is, with the prospect row stored.
CREATE FUNCTION prospect_now_customers(before JSONB, after JSONB) RETURNS VOID LANGUAGE sql AS $$
    SELECT prospect_now_shift(
        (SELECT COALESCE(jsonb_agg(e || jsonb_build_object('sign', -1, 'has_then', FALSE)), '[]'::jsonb)
         FROM jsonb_array_elements(before) e)
        || (SELECT COALESCE(jsonb_agg(e || jsonb_build_object('sign', 1, 'has_then', FALSE)), '[]'::jsonb)
            FROM jsonb_array_elements(after) e), '[]'::jsonb)
    WHERE jsonb_array_length(before || after) > 0
$$;

-- the columns that decide whether and where a customer counts
CREATE FUNCTION prospect_now_side(c customer) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('id', c.id, 'owner_id', c.owner_id, 'region', c.region, 'status', c.status,
                              'deleted', c.deleted)
$$;

CREATE FUNCTION prospect_now_customers_inserted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM prospect_now_customers('[]'::jsonb,
        (SELECT COALESCE(jsonb_agg(prospect_now_side(n)), '[]'::jsonb) FROM new_rows n WHERE n.status = 'PROSPECT'));
    RETURN NULL;
END $$;

CREATE FUNCTION prospect_now_customers_updated() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    -- only customers whose counting columns changed (most updates change none of them)
    PERFORM prospect_now_customers(
        (SELECT COALESCE(jsonb_agg(prospect_now_side(o)), '[]'::jsonb) FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE (o.owner_id, o.region, o.status, o.deleted) IS DISTINCT FROM (n.owner_id, n.region, n.status, n.deleted)),
        (SELECT COALESCE(jsonb_agg(prospect_now_side(n)), '[]'::jsonb) FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE (o.owner_id, o.region, o.status, o.deleted) IS DISTINCT FROM (n.owner_id, n.region, n.status, n.deleted)));
    RETURN NULL;
END $$;

CREATE FUNCTION prospect_now_customers_deleted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM prospect_now_customers((SELECT COALESCE(jsonb_agg(prospect_now_side(o)), '[]'::jsonb) FROM old_rows o),
                                   '[]'::jsonb);
    RETURN NULL;
END $$;

CREATE TRIGGER prospect_now_inserted AFTER INSERT ON prospect REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION prospect_now_prospects_inserted();
CREATE TRIGGER prospect_now_updated AFTER UPDATE ON prospect REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION prospect_now_prospects_updated();
CREATE TRIGGER prospect_now_deleted AFTER DELETE ON prospect REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION prospect_now_prospects_deleted();
CREATE TRIGGER prospect_now_customer_inserted AFTER INSERT ON customer REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION prospect_now_customers_inserted();
CREATE TRIGGER prospect_now_customer_updated AFTER UPDATE ON customer REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION prospect_now_customers_updated();
CREATE TRIGGER prospect_now_customer_deleted AFTER DELETE ON customer REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION prospect_now_customers_deleted();

-- what the book holds now
INSERT INTO prospect_now (stage, close_class, priority, refusal_reason, owner_id, region, prospects)
SELECT COALESCE(p.stage, ''), COALESCE(p.close_class, ''),
       COALESCE(prospect_priority(p.close_class, p.expected_monthly_value), 0), COALESCE(p.refusal_reason, ''),
       c.owner_id, c.region, count(*)
FROM customer c LEFT JOIN prospect p ON p.customer_id = c.id
WHERE NOT c.deleted AND (c.status = 'PROSPECT' OR p.customer_id IS NOT NULL)
GROUP BY 1, 2, 3, 4, 5, 6;
