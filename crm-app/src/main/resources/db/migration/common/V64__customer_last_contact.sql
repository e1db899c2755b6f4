-- Each customer's latest contact, kept beside the customer (issue 20). The list's "not contacted
-- for 90 days" drill-down asked, for every customer in view, whether its contact log held an entry
-- since then: 100k probes into a million log rows, 350 ms for the director. Read from here the
-- customers not contacted since a day are one range of an index. One row per customer, NULL until
-- its first contact, so the ones never contacted are in that range too (and the database's
-- statistics tell how many there are). Written only by triggers (V64_1 of each database): the
-- row with the customer, the time with the contact log, in the writer's transaction.
CREATE TABLE customer_last_contact (
    customer_id     BIGINT                   PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,
    last_contact_at TIMESTAMP WITH TIME ZONE
);

INSERT INTO customer_last_contact (customer_id, last_contact_at)
SELECT c.id, (SELECT MAX(l.occurred_at) FROM contact_log l WHERE l.customer_id = c.id) FROM customer c;

CREATE INDEX ix_customer_last_contact_time ON customer_last_contact (last_contact_at, customer_id);
