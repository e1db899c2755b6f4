-- Working table of a per-product-line recompute: each line's changed tiers are staged as soon as
-- that line is ranked (tier NULL: the customer no longer sold on the line), then applied with the
-- customers' tiers in one short transaction. So a run holds one line's customers in memory, not
-- every customer of every line. Only one recompute runs at a time, so one table serves.
CREATE TABLE line_tier_stage (
    customer_id       BIGINT        NOT NULL,
    product_line_id   BIGINT        NOT NULL,
    tier              VARCHAR(1),
    policy_version    INTEGER,
    computed_at       TIMESTAMP WITH TIME ZONE,
    revenue           NUMERIC(18, 2),
    margin            NUMERIC(18, 2),
    order_count       BIGINT,
    score             INTEGER,
    score_parts       VARCHAR(500),
    CONSTRAINT pk_line_tier_stage PRIMARY KEY (customer_id, product_line_id)
);
