-- H2 counterpart of postgresql/V64_1: the latest contact follows the customers and their contact
-- log through a Java trigger.
CREATE TRIGGER tr_customer_last_contact_opened AFTER INSERT ON customer FOR EACH ROW
    CALL 'com.keyaccount.crm.storage.CustomerLastContactTrigger';
CREATE TRIGGER tr_customer_last_contact_follows AFTER INSERT, UPDATE, DELETE ON contact_log FOR EACH ROW
    CALL 'com.keyaccount.crm.storage.CustomerLastContactTrigger';
