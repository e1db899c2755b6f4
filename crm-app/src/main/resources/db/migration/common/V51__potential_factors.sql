-- Issue 16: a potential entered as its two factors (seed 003's 客户级别分值表: the customer's level
-- against the decision maker's title, a score from 1 to 9 in each cell), where the admin turns it
-- on. One row of settings (JSON; NULL: the built-in table, off), and on each customer the levels
-- picked, from which its potential was scored (NULL where it was typed as a score).
CREATE TABLE potential_factors (
    id          SMALLINT      PRIMARY KEY,
    settings    VARCHAR(4000),
    version     BIGINT        NOT NULL,
    updated_by  VARCHAR(100),
    updated_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_potential_factors_single CHECK (id = 1)
);
INSERT INTO potential_factors (id, settings, version) VALUES (1, NULL, 0);

ALTER TABLE customer ADD COLUMN potential_row INTEGER;
ALTER TABLE customer ADD COLUMN potential_column INTEGER;
ALTER TABLE customer ADD CONSTRAINT ck_customer_potential_levels
    CHECK ((potential_row IS NULL AND potential_column IS NULL)
        OR (potential_row BETWEEN 0 AND 2 AND potential_column BETWEEN 0 AND 2 AND potential IS NOT NULL));
