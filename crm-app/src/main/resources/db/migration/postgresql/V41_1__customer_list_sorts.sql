-- The customer list (issue 20): a page's ids are read from one of these alone, in the order of the
-- sort the user chose (then id, as the list breaks ties), skipping earlier pages without touching
-- the wide customer rows. Only customers not deleted, as the list shows; the owner is included so a
-- manager's list, a third of the book, reads the same index and skips the others' entries.
CREATE INDEX ix_customer_list_name ON customer (name, id) INCLUDE (owner_id) WHERE deleted = FALSE;
CREATE INDEX ix_customer_list_code ON customer (code, id) INCLUDE (owner_id) WHERE deleted = FALSE;
CREATE INDEX ix_customer_list_tier ON customer (sort_tier, id) INCLUDE (owner_id) WHERE deleted = FALSE;
CREATE INDEX ix_customer_list_region ON customer (region, id) INCLUDE (owner_id) WHERE deleted = FALSE;
CREATE INDEX ix_customer_list_industry ON customer (industry, id) INCLUDE (owner_id) WHERE deleted = FALSE;
CREATE INDEX ix_customer_list_status ON customer (status, id) INCLUDE (owner_id) WHERE deleted = FALSE;
CREATE INDEX ix_customer_list_updated ON customer (updated_at, id) INCLUDE (owner_id) WHERE deleted = FALSE;
