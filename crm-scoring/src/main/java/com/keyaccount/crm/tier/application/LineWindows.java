package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.shared.DatabaseVendor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evaluation window's figures one product line at a time, in line-id order: one aggregate per
 * line, each line's customers (not deleted) with their figures on it. Shared by the per-line
 * recompute and the rule editor's preview, so memory holds one line's customers, not every
 * customer of every line (five lines of 100k customers are half a million groups).
 */
public final class LineWindows {

    /** What is done with one line's customers; lines without any customer in the window are skipped. */
    @FunctionalInterface
    public interface OnLine {
        void accept(long productLineId, List<CustomerFigures> figures);
    }

    private final JdbcTemplate jdbc;
    private final WindowFigures windows;

    public LineWindows(JdbcTemplate jdbc, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.windows = new WindowFigures(database);
    }

    public void forEachLine(LocalDate from, LocalDate to, OnLine onLine) {
        List<Long> lines = jdbc.queryForList("SELECT id FROM product_line ORDER BY id", Long.class);
        String sql = windows.onLine(from, to);
        for (long line : lines) {
            List<CustomerFigures> figures = new ArrayList<>();
            jdbc.query(sql, rs -> {
                figures.add(WindowFigures.of(rs));
            }, line);
            if (!figures.isEmpty()) {
                onLine.accept(line, figures);
            }
        }
    }
}
