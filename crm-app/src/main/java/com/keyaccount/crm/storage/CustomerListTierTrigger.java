package com.keyaccount.crm.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's side of migration V54_1: the customer list's tier order ({@code customer_list_tier}) keeps
 * one row per customer not deleted, with its owner, in the writer's transaction.
 */
public final class CustomerListTierTrigger implements Trigger {

    private int id = -1;
    private int owner = -1;
    private int deleted = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        try (PreparedStatement columns = conn.prepareStatement("""
                SELECT UPPER(COLUMN_NAME), ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS
                WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?""")) {
            columns.setString(1, schemaName);
            columns.setString(2, tableName);
            try (ResultSet found = columns.executeQuery()) {
                while (found.next()) {
                    switch (found.getString(1)) {
                        case "ID" -> id = found.getInt(2) - 1;
                        case "OWNER_ID" -> owner = found.getInt(2) - 1;
                        case "DELETED" -> deleted = found.getInt(2) - 1;
                        default -> { }
                    }
                }
            }
        }
        if (id < 0 || owner < 0 || deleted < 0) {
            throw new SQLException("no id, owner_id or deleted column in " + tableName);
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null || oldRow != null && Objects.equals(oldRow[owner], newRow[owner])
                && Objects.equals(oldRow[deleted], newRow[deleted])) {
            return;
        }
        try (PreparedStatement gone = conn.prepareStatement("DELETE FROM customer_list_tier WHERE customer_id = ?")) {
            gone.setObject(1, newRow[id]);
            gone.executeUpdate();
        }
        if (Boolean.TRUE.equals(newRow[deleted])) {
            return;
        }
        try (PreparedStatement listed = conn.prepareStatement("""
                INSERT INTO customer_list_tier (customer_id, owner_id, sort_tier)
                VALUES (?, ?, (SELECT effective_tier FROM customer_tier WHERE customer_id = ?))""")) {
            listed.setObject(1, newRow[id]);
            listed.setObject(2, newRow[owner]);
            listed.setObject(3, newRow[id]);
            listed.executeUpdate();
        }
    }
}
