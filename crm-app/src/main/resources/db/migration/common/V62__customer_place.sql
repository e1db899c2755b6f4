-- Province and prefecture-level city as structured fields (issue 19): GB/T 2260 codes from the
-- national list the application carries (places/china-divisions.csv); null while unknown.
-- V63 fills them in from the addresses already kept.
ALTER TABLE customer ADD COLUMN province_code VARCHAR(6);
ALTER TABLE customer ADD COLUMN city_code VARCHAR(6);
CREATE INDEX ix_customer_place ON customer (province_code, city_code);

ALTER TABLE customer_import_stage ADD COLUMN province_code VARCHAR(6);
ALTER TABLE customer_import_stage ADD COLUMN city_code VARCHAR(6);
