package com.keyaccount.crm.exporting;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Excel workbook written as it streams (FastExcel): rows are flushed every few thousand, and a
 * new sheet starts when one reaches Excel's row limit; text that looks like a formula is neutralised.
 */
final class XlsxTable implements Table {

    static final int ROWS_PER_SHEET = 1_048_575;
    private static final int FLUSH_EVERY = 2_000;

    private final Workbook workbook;
    private final String[] header;
    private final String sheetName;
    private Worksheet sheet;
    private int sheets;
    private int row;

    XlsxTable(OutputStream stream, String sheetName, String[] header) {
        this.workbook = new Workbook(stream, "Key-account CRM", "1.0");
        this.header = header;
        this.sheetName = sheetName;
        newSheet();
    }

    private void newSheet() {
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? sheetName : sheetName + " " + sheets);
        for (int column = 0; column < header.length; column++) {
            sheet.value(0, column, header[column]);
        }
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
            if (value instanceof BigDecimal number) {
                sheet.value(row, column, number);
            } else if (value instanceof Number number) {
                sheet.value(row, column, number);
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
