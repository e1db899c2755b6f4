package com.keyaccount.crm.importing.web;

import com.keyaccount.crm.customer.importing.CustomerImportResults;
import com.keyaccount.crm.importing.DataImport;
import com.keyaccount.crm.importing.DataImport.Status;
import com.keyaccount.crm.importing.DataImports;
import com.keyaccount.crm.importing.ImportKind;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.PageNotFoundException;
import com.keyaccount.crm.web.SpreadsheetCells;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One import's progress and outcome, and its bad lines as a CSV report. */
@Controller
@RequiredArgsConstructor
class ImportController {

    static final int SHOWN_ERRORS = 200;
    private static final String[] ERROR_HEADER = {"line", "column", "value", "reason"};

    private final DataImports imports;
    private final CustomerImportResults customerResults;
    private final MessageSource messages;

    @GetMapping("/imports/{id:\\d+}")
    String show(@PathVariable long id, Viewer viewer, Model model) {
        DataImport dataImport = found(viewer, id);
        model.addAttribute("dataImport", dataImport);
        model.addAttribute("errors", imports.errors(viewer, id, SHOWN_ERRORS));
        if (dataImport.kind() == ImportKind.CUSTOMERS && dataImport.status() == Status.DONE) {
            // what the file did, to open: the customers it created or changed, and likely duplicates
            model.addAttribute("importedCustomers", customerResults.listed(viewer, id));
            model.addAttribute("likelyDuplicates", customerResults.likelyDuplicates(viewer, id));
        }
        return "imports/show";
    }

    /** Every kept bad line, for Excel (UTF-8 with BOM), reasons in the reader's language. */
    @GetMapping("/imports/{id:\\d+}/errors.csv")
    void errors(@PathVariable long id, Viewer viewer, Locale locale,
            HttpServletResponse response) throws IOException {
        found(viewer, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("import-" + id + "-errors.csv", StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(ERROR_HEADER).get());
        for (LineError error : imports.errors(viewer, id, Integer.MAX_VALUE)) {
            csv.printRecord(error.lineNo(), error.column(), SpreadsheetCells.neutralise(error.value()),
                    messages.getMessage("import.reason." + error.reason(), new Object[] {error.detail()}, locale));
        }
        csv.flush();
    }

    private DataImport found(Viewer viewer, long id) {
        return imports.find(viewer, id).orElseThrow(() -> new PageNotFoundException("import " + id));
    }
}
