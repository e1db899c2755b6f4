-- Province and prefecture-level city as structured fields (issue 19): GB/T 2260 codes from the
-- national list the application carries (places/china-divisions.csv); null while unknown.
-- V63 fills them in from the addresses already kept.
ALTER TABLE customer ADD COLUMN province_code VARCHAR(6);
ALTER TABLE customer ADD COLUMN city_code VARCHAR(6);
-- the list filtered by province or city, sorted by name as it opens (as region's index)
CREATE INDEX ix_customer_province ON customer (province_code, name);
CREATE INDEX ix_customer_city ON customer (city_code, name);

ALTER TABLE customer_import_stage ADD COLUMN province_code VARCHAR(6);
ALTER TABLE customer_import_stage ADD COLUMN city_code VARCHAR(6);
