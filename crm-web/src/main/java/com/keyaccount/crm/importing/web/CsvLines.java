package com.keyaccount.crm.importing.web;

import com.keyaccount.crm.importing.TabularFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as Excel on Chinese Windows saves it, read as the import's {@link TabularFile}:
 * charset and delimiter detected on opening (see {@link TextFiles}), then one record at a time,
 * so a file of millions of lines never sits in memory. The header is parsed only when asked
 * for, so the charset is known (and shown) even for a file whose header is unusable.
 */
final class CsvLines implements TabularFile {

    private final Path file;
    private final Charset charset;
    private final char delimiter;
    private CSVParser csv;
    private Iterator<CSVRecord> records;
    private List<String> header;

    private CsvLines(Path file, Charset charset, char delimiter) {
        this.file = file;
        this.charset = charset;
        this.delimiter = delimiter;
    }

    static CsvLines open(Path file) throws IOException {
        Charset charset = TextFiles.detect(file);
        return new CsvLines(file, charset, TextFiles.delimiter(file, charset));
    }

    @Override
    public String charset() {
        return charset.name();
    }

    @Override
    public List<String> header() throws IOException {
        if (csv == null) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
            Reader reader = Files.newBufferedReader(file, charset);
            try {
                csv = CSVParser.parse(reader, format);
            } catch (IOException | RuntimeException unusable) {
                reader.close();
                throw unusable;
            }
            records = csv.iterator();
            header = csv.getHeaderNames().stream().map(CsvLines::normalise).toList();
        }
        return header;
    }

    @Override
    public Line next() throws IOException {
        header();
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        // the header is line 1
        return new Line(record.getRecordNumber() + 1, cells);
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
    }

    /** Excel puts a BOM before the first name, and people add spaces and capitals; none of that names the column. */
    static String normalise(String headerName) {
        return headerName.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
