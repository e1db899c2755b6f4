package com.keyaccount.crm.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.h2.tools.TriggerAdapter;

/**
 * H2's side of migration V64_1: each customer's latest contact ({@code customer_last_contact}) has
 * a row from the customer's creation and follows its contact log, in the writer's transaction.
 * Counted again from the log for each customer an entry touched: on H2 (the demo, the tests) a
 * log is small.
 */
public final class CustomerLastContactTrigger extends TriggerAdapter {

    private boolean onCustomer;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        super.init(conn, schemaName, triggerName, tableName, before, type);
        onCustomer = "CUSTOMER".equalsIgnoreCase(tableName);
    }

    @Override
    public void fire(Connection conn, ResultSet oldRow, ResultSet newRow) throws SQLException {
        if (onCustomer) {
            try (PreparedStatement opened = conn.prepareStatement(
                    "INSERT INTO customer_last_contact (customer_id, last_contact_at) VALUES (?, NULL)")) {
                opened.setObject(1, newRow.getObject("id"));
                opened.executeUpdate();
            }
            return;
        }
        Set<Object> touched = new LinkedHashSet<>();
        if (oldRow != null) {
            touched.add(oldRow.getObject("customer_id"));
        }
        if (newRow != null) {
            touched.add(newRow.getObject("customer_id"));
        }
        for (Object customer : touched) {
            try (PreparedStatement latest = conn.prepareStatement("""
                    UPDATE customer_last_contact SET last_contact_at =
                        (SELECT MAX(occurred_at) FROM contact_log WHERE customer_id = ?)
                    WHERE customer_id = ?""")) {
                latest.setObject(1, customer);
                latest.setObject(2, customer);
                latest.executeUpdate();
            }
        }
    }
}
