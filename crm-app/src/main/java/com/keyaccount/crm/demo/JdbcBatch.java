package com.keyaccount.crm.demo;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Collects rows and writes them in JDBC batches. */
final class JdbcBatch implements AutoCloseable {

    static final int SIZE = 2_000;

    private final JdbcTemplate jdbc;
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>(SIZE);

    JdbcBatch(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    void add(Object[] row) {
        rows.add(row);
        if (rows.size() == SIZE) {
            flush();
        }
    }

    private void flush() {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
            rows.clear();
        }
    }

    @Override
    public void close() {
        flush();
    }
}
