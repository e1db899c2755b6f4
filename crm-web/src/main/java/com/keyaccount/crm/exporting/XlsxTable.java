package com.keyaccount.crm.exporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Excel workbook written as it streams (FastExcel): rows are flushed every few thousand, and a
 * new sheet starts when one reaches Excel's row limit; text that looks like a formula is
 * neutralised. Each sheet opens with a bold header row that stays in view when scrolling (a
 * frozen pane) and columns wide enough for their header and typical content; numbers are number
 * cells, money shown as ¥1,234.50, shares as 79.2%.
 */
final class XlsxTable implements Table {

    static final int ROWS_PER_SHEET = 1_048_575;
    private static final int FLUSH_EVERY = 2_000;
    private static final String HEADER_FILL = "DDE4EE";

    private final Workbook workbook;
    private final List<ExportColumn> columns;
    private final String sheetName;
    private Worksheet sheet;
    private int sheets;
    private int row;

    XlsxTable(OutputStream stream, String sheetName, List<ExportColumn> columns) {
        this.workbook = new Workbook(stream, "Key-account CRM", "1.0");
        this.columns = columns;
        this.sheetName = sheetName;
        newSheet();
    }

    /** Widths and the frozen pane go before the first row is flushed: the file writes them ahead of the data. */
    private void newSheet() {
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? sheetName : sheetName + " " + sheets);
        for (int column = 0; column < columns.size(); column++) {
            sheet.value(0, column, columns.get(column).header());
            sheet.width(column, columns.get(column).width());
        }
        if (!columns.isEmpty()) {
            sheet.range(0, 0, 0, columns.size() - 1).style().bold().fillColor(HEADER_FILL).set();
        }
        sheet.freezePane(0, 1);
        row = 1;
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        if (row > ROWS_PER_SHEET) {
            sheet.finish();
            newSheet();
        }
        for (int column = 0; column < cells.size(); column++) {
            Object value = cells.get(column);
            if (value instanceof Number number) {
                sheet.value(row, column, number);
                String format = column < columns.size() ? columns.get(column).shape().format : null;
                if (format != null) {
                    sheet.style(row, column).format(format).set();
                }
            } else if (value != null) {
                sheet.value(row, column, SpreadsheetText.neutralise(value.toString()));
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        workbook.finish();
    }
}
