-- Every recompute pins the designated key accounts (issue 16) that lack their pin: the few
-- designated customers are found by this index instead of a scan of the whole book.
CREATE INDEX ix_customer_designated ON customer (id) WHERE designated_key;
