-- My day lists each section (overdue, due today, this week) tier by tier, then by due date, then
-- prospects by priority class (issue 17), then by customer, fifty rows at a time. The index on
-- (owner, tier, due_on) alone left PostgreSQL sorting a large book's whole section: at 33k
-- customers it read every follow-up row of the table for each page (30 ms instead of 0.2 ms).
-- These two give every section its order straight from an index, so a page stops after its rows:
-- the first for a range of days, the second for one day (the day's rows lie together there).
-- PostgreSQL makes the second cover the city too (V34_1).
CREATE INDEX ix_follow_up_owner_order ON follow_up (owner_id, tier, due_on, priority_class, customer_id);
CREATE INDEX ix_follow_up_owner_day ON follow_up (owner_id, due_on, tier, priority_class, customer_id);
DROP INDEX ix_follow_up_owner_tier_due;
