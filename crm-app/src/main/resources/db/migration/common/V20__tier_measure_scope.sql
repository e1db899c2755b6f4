-- Tiers on what the company chooses (issue 15): the measure Pareto and the scorecard rank by,
-- and whether customers are ranked over the whole book or once per product line. With one
-- ranking per product line, customer_tier keeps the tier quotas follow (the best line tier,
-- or the tier on the line the admin names) and customer_line_tier keeps every line's.

ALTER TABLE tier_policy ADD COLUMN measure VARCHAR(16) NOT NULL DEFAULT 'NET_REVENUE';
ALTER TABLE tier_policy ADD COLUMN scope VARCHAR(16) NOT NULL DEFAULT 'BOOK';
-- NULL: quotas follow the customer's best line tier
ALTER TABLE tier_policy ADD COLUMN quota_product_line_id BIGINT;
ALTER TABLE tier_policy ADD CONSTRAINT ck_tier_policy_measure CHECK (measure IN ('NET_REVENUE', 'GROSS_MARGIN'));
ALTER TABLE tier_policy ADD CONSTRAINT ck_tier_policy_scope CHECK (scope IN ('BOOK', 'PRODUCT_LINE'));
ALTER TABLE tier_policy ADD CONSTRAINT fk_tier_policy_quota_line
    FOREIGN KEY (quota_product_line_id) REFERENCES product_line (id);

CREATE TABLE customer_line_tier (
    customer_id       BIGINT        NOT NULL REFERENCES customer (id),
    product_line_id   BIGINT        NOT NULL REFERENCES product_line (id),
    tier              VARCHAR(1)    NOT NULL,
    policy_version    INTEGER       NOT NULL,
    computed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the window's figures on this line: net revenue, gross margin (NULL: none sent), orders
    revenue           NUMERIC(18, 2) NOT NULL,
    margin            NUMERIC(18, 2),
    order_count       BIGINT        NOT NULL,
    -- Pareto: place in the line's ranking and share before it; scorecard: total and parts
    rank_position     INTEGER,
    ranked_of         INTEGER,
    share_before      NUMERIC(9, 6),
    score             INTEGER,
    score_parts       VARCHAR(500),
    CONSTRAINT pk_customer_line_tier PRIMARY KEY (customer_id, product_line_id),
    CONSTRAINT ck_customer_line_tier CHECK (tier IN ('A', 'B', 'C'))
);
CREATE INDEX ix_customer_line_tier_line ON customer_line_tier (product_line_id, tier);
