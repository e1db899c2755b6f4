-- The customers a customer import created or changed (issue 14), so that its page can link to
-- them and warn of new customers named like another. One row per line that created or changed
-- a customer; lines that changed nothing have none. Written in the transaction that applies the
-- file, so a failed import leaves none.
CREATE TABLE data_import_customer (
    import_id     BIGINT        NOT NULL REFERENCES data_import (id),
    line_no       BIGINT        NOT NULL,
    customer_id   BIGINT        NOT NULL REFERENCES customer (id),
    -- TRUE: the line created the customer; FALSE: it changed an existing one
    created       BOOLEAN       NOT NULL,
    CONSTRAINT pk_data_import_customer PRIMARY KEY (import_id, line_no)
);
