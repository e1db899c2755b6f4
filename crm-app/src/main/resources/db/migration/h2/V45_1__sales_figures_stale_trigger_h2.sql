-- H2 counterpart of postgresql/V45_1: H2 triggers are Java classes and fire per row, which at the
-- embedded database's sizes costs nothing noticeable.
CREATE TRIGGER tr_sales_order_written AFTER INSERT, UPDATE, DELETE ON sales_order FOR EACH ROW
    CALL 'com.keyaccount.crm.storage.SalesFiguresStaleTrigger';
