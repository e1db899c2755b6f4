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
 * An entry moved or removed counts its customers again from the log: on H2 (the demo, the tests)
 * a log is small.
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
        if (oldRow == null) {
            // an entry added (what the application does): later than the kept time, it is the latest
            try (PreparedStatement later = conn.prepareStatement("""
                    UPDATE customer_last_contact SET last_contact_at = ?
                    WHERE customer_id = ? AND (last_contact_at IS NULL OR last_contact_at < ?)""")) {
                Object at = newRow.getObject("occurred_at");
                later.setObject(1, at);
                later.setObject(2, newRow.getObject("customer_id"));
                later.setObject(3, at);
                later.executeUpdate();
            }
            return;
        }
        Set<Object> touched = new LinkedHashSet<>();
        touched.add(oldRow.getObject("customer_id"));
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
