package com.keyaccount.crm.sales.web;

import com.keyaccount.crm.sales.importing.DataImport;
import com.keyaccount.crm.sales.importing.LineError;
import com.keyaccount.crm.sales.importing.SalesImports;
import com.keyaccount.crm.security.CrmUser;
import com.keyaccount.crm.web.PageNotFoundException;
import com.keyaccount.crm.web.SpreadsheetCells;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Directors and admins upload sales files from the ERP and follow each import to its outcome. */
@Controller
@RequiredArgsConstructor
class SalesImportController {

    static final int SHOWN_ERRORS = 200;
    private static final String[] ERROR_HEADER = {"line", "column", "value", "reason"};

    private final SalesImports imports;
    private final MessageSource messages;

    @GetMapping("/imports/sales")
    String form(@AuthenticationPrincipal CrmUser user, Model model) {
        model.addAttribute("imports", imports.recent(user.viewer()));
        return "imports/sales";
    }

    @PostMapping("/imports/sales")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal CrmUser user, Model model, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "import.file.required");
            return form(user, model);
        }
        Path saved = Files.createTempFile("sales-import-", ".csv");
        file.transferTo(saved);
        String name = file.getOriginalFilename() == null ? "sales.csv" : Path.of(file.getOriginalFilename())
                .getFileName().toString();
        long id = imports.start(user.viewer(), name, saved);
        redirect.addFlashAttribute("flash", "flash.import.started");
        return "redirect:/imports/" + id;
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CrmUser user, Model model) {
        DataImport found = imports.find(user.viewer(), id).orElseThrow(() -> new PageNotFoundException("import " + id));
        model.addAttribute("dataImport", found);
        model.addAttribute("errors", imports.errors(user.viewer(), id, SHOWN_ERRORS));
        return "imports/show";
    }

    /** Every kept bad line, for Excel (UTF-8 with BOM), reasons in the reader's language. */
    @GetMapping("/imports/{id}/errors.csv")
    void errors(@PathVariable long id, @AuthenticationPrincipal CrmUser user, Locale locale,
            HttpServletResponse response) throws IOException {
        imports.find(user.viewer(), id).orElseThrow(() -> new PageNotFoundException("import " + id));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("import-" + id + "-errors.csv", StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(ERROR_HEADER).get());
        for (LineError error : imports.errors(user.viewer(), id, Integer.MAX_VALUE)) {
            csv.printRecord(error.lineNo(), error.column(), SpreadsheetCells.neutralise(error.value()),
                    messages.getMessage("import.reason." + error.reason(), new Object[] {error.detail()}, locale));
        }
        csv.flush();
    }
}
