-- Potential and adoption on the customer (issue 16, seed 003's nine-grid): a potential score 1-9
-- and how far the customer already uses our product, each with who set it and when. Unknown
-- until someone assesses the customer.
ALTER TABLE customer ADD COLUMN potential INTEGER;
ALTER TABLE customer ADD COLUMN potential_by_id BIGINT REFERENCES app_user (id);
ALTER TABLE customer ADD COLUMN potential_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer ADD COLUMN adoption VARCHAR(16);
ALTER TABLE customer ADD COLUMN adoption_by_id BIGINT REFERENCES app_user (id);
ALTER TABLE customer ADD COLUMN adoption_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer ADD CONSTRAINT ck_customer_potential CHECK (potential BETWEEN 1 AND 9);
ALTER TABLE customer ADD CONSTRAINT ck_customer_adoption
    CHECK (adoption IN ('PREFERRED', 'SECONDARY', 'COMPETITOR', 'NOT_USING'));
