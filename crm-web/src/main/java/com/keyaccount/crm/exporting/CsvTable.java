package com.keyaccount.crm.exporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * UTF-8 with BOM, so Excel on Chinese Windows shows the Chinese text; text that looks like a
 * formula is neutralised. Numbers are written plain (1250000.00, no ¥ or grouping), so that
 * Excel reads them as numbers and the customer import reads them back.
 */
final class CsvTable implements Table {

    private final Writer out;
    private final CSVPrinter csv;

    CsvTable(OutputStream stream, List<ExportColumn> columns) throws IOException {
        out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(columns.stream().map(ExportColumn::header).toArray(String[]::new)).get());
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        csv.printRecord(cells.stream().map(cell -> cell instanceof BigDecimal number ? number.toPlainString()
                : cell instanceof String text ? SpreadsheetText.neutralise(text) : cell)
                .toList());
    }

    @Override
    public void close() throws IOException {
        csv.flush();
        out.flush();
    }
}
