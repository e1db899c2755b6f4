-- H2 counterpart of postgresql/V54_1: the list's tier order follows its customer's owner and
-- deletion through a Java trigger.
CREATE TRIGGER tr_customer_list_tier_follows AFTER INSERT, UPDATE ON customer FOR EACH ROW
    CALL 'com.keyaccount.crm.storage.CustomerListTierTrigger';

CREATE INDEX ix_customer_list_tier ON customer_list_tier (sort_tier, customer_id);
