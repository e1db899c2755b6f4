-- H2 counterpart of postgresql/V55_1: the same questions, answered by reading every row, which
-- at the embedded database's sizes costs nothing noticeable.
CREATE ALIAS customer_has_pair FOR 'com.keyaccount.crm.storage.SearchPairs.customerHasPair';
CREATE ALIAS contact_has_pair FOR 'com.keyaccount.crm.storage.SearchPairs.contactHasPair';
