-- The customer list's tier order, kept beside the customer instead of on it (issue 20). A copy on
-- the customer row (V41's sort_tier) was rewritten whenever a tier moved, and every one of the
-- customer table's two dozen indexes took a new entry: about 14 s per 100k customers moved, most
-- of a first classification. Here a moved tier rewrites a row of three columns with two indexes.
-- The owner and "not deleted" are mirrored from the customer by a trigger (V54_1 of each
-- database), so a list sorted or filtered by tier alone reads this table without the customer's.
-- One row per customer not deleted; the tier is NULL until the customer is first classified.
CREATE TABLE customer_list_tier (
    customer_id BIGINT      PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,
    owner_id    BIGINT      NOT NULL,
    sort_tier   VARCHAR(1)
);

INSERT INTO customer_list_tier (customer_id, owner_id, sort_tier)
SELECT c.id, c.owner_id, t.effective_tier
FROM customer c LEFT JOIN customer_tier t ON t.customer_id = c.id
WHERE c.deleted = FALSE;

ALTER TABLE customer DROP COLUMN sort_tier;
