package com.keyaccount.crm.demo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo book's five product lines as an ERP codes them (pinyin initials) with the names an
 * admin gave them, and the range of gross margin each typically earns: thin on fertiliser and
 * appliances, fat on office supplies.
 */
final class DemoProductLines {

    /** One product line: its id once written, and its margin range as shares of the amount. */
    record Line(long id, String code, double lowMargin, double highMargin) {
    }

    private static final Object[][] LINES = {
        {"JD", "家用电器", 0.08, 0.18},
        {"JC", "建筑材料", 0.10, 0.22},
        {"BG", "办公用品", 0.20, 0.35},
        {"NZ", "农资化肥", 0.08, 0.14},
        {"GY", "工业配件", 0.15, 0.30},
    };

    private DemoProductLines() {
    }

    /** Writes the lines a database does not have yet; returns all five with their ids. */
    static List<Line> insert(JdbcTemplate jdbc, OffsetDateTime now) {
        List<Line> lines = new ArrayList<>(LINES.length);
        for (Object[] line : LINES) {
            String code = (String) line[0];
            if (jdbc.queryForObject("SELECT COUNT(*) FROM product_line WHERE code = ?", Integer.class, code) == 0) {
                jdbc.update("INSERT INTO product_line (code, name, created_at, created_by) VALUES (?, ?, ?, 'demo')",
                        code, line[1], now);
            }
            long id = jdbc.queryForObject("SELECT id FROM product_line WHERE code = ?", Long.class, code);
            lines.add(new Line(id, code, (double) line[2], (double) line[3]));
        }
        return lines;
    }
}
