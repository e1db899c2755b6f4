-- The customer list's tier sort (issue 20): the tier in force lives in customer_tier, so sorting
-- 100k customers by it looked up every customer's tier before the first row could be shown. A
-- copy on the customer can be indexed; CustomerStore.copyTiers keeps it after every tier write.
ALTER TABLE customer ADD COLUMN sort_tier VARCHAR(1);
UPDATE customer SET sort_tier = (SELECT t.effective_tier FROM customer_tier t WHERE t.customer_id = customer.id);
