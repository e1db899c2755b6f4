-- Customer imports: same bookkeeping as sales imports, with their own staging table.

ALTER TABLE data_import DROP CONSTRAINT ck_data_import_kind;
ALTER TABLE data_import ADD CONSTRAINT ck_data_import_kind CHECK (kind IN ('SALES', 'CUSTOMERS'));

CREATE TABLE customer_import_stage (
    import_id       BIGINT        NOT NULL,
    line_no         BIGINT        NOT NULL,
    code            VARCHAR(40)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    industry        VARCHAR(40)   NOT NULL,
    region          VARCHAR(40)   NOT NULL,
    owner_id        BIGINT        NOT NULL,
    phone           VARCHAR(40),
    address         VARCHAR(300),
    status          VARCHAR(16),
    lost_reason     VARCHAR(500),
    annual_sales    NUMERIC(18, 2),
    employee_count  INTEGER,
    -- the existing customer with this code, filled in just before the file is applied
    customer_id     BIGINT
);
CREATE INDEX ix_customer_import_stage ON customer_import_stage (import_id, code);
