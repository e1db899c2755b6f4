package com.keyaccount.crm.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's side of migration V45_1: every written sales line names its customer in
 * {@code sales_figures_stale}, in the writer's transaction, so the kept window figures know
 * whose to aggregate again. PostgreSQL does the same with a statement trigger.
 */
public final class SalesFiguresStaleTrigger implements Trigger {

    private int customerColumn = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        try (PreparedStatement column = conn.prepareStatement("""
                SELECT ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS
                WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND UPPER(COLUMN_NAME) = 'CUSTOMER_ID'""")) {
            column.setString(1, schemaName);
            column.setString(2, tableName);
            try (ResultSet found = column.executeQuery()) {
                if (!found.next()) {
                    throw new SQLException("no customer_id column in " + tableName);
                }
                customerColumn = found.getInt(1) - 1;
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        Object before = oldRow == null ? null : oldRow[customerColumn];
        Object after = newRow == null ? null : newRow[customerColumn];
        try (PreparedStatement stale = conn.prepareStatement("INSERT INTO sales_figures_stale (customer_id) VALUES (?)")) {
            if (before != null) {
                stale.setObject(1, before);
                stale.executeUpdate();
            }
            if (after != null && !after.equals(before)) {
                stale.setObject(1, after);
                stale.executeUpdate();
            }
        }
    }
}
