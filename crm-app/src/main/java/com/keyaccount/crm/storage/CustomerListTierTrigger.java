package com.keyaccount.crm.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.tools.TriggerAdapter;

/**
 * H2's side of migration V54_1: the customer list's tier order ({@code customer_list_tier}) keeps
 * one row per customer not deleted, with its owner, in the writer's transaction.
 */
public final class CustomerListTierTrigger extends TriggerAdapter {

    @Override
    public void fire(Connection conn, ResultSet oldRow, ResultSet newRow) throws SQLException {
        if (newRow == null || oldRow != null && Objects.equals(oldRow.getObject("owner_id"), newRow.getObject("owner_id"))
                && Objects.equals(oldRow.getObject("deleted"), newRow.getObject("deleted"))) {
            return;
        }
        Object id = newRow.getObject("id");
        try (PreparedStatement gone = conn.prepareStatement("DELETE FROM customer_list_tier WHERE customer_id = ?")) {
            gone.setObject(1, id);
            gone.executeUpdate();
        }
        if (newRow.getBoolean("deleted")) {
            return;
        }
        try (PreparedStatement listed = conn.prepareStatement("""
                INSERT INTO customer_list_tier (customer_id, owner_id, sort_tier)
                VALUES (?, ?, (SELECT effective_tier FROM customer_tier WHERE customer_id = ?))""")) {
            listed.setObject(1, id);
            listed.setObject(2, newRow.getObject("owner_id"));
            listed.setObject(3, id);
            listed.executeUpdate();
        }
    }
}
