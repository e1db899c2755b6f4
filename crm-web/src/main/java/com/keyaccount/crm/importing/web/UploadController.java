package com.keyaccount.crm.importing.web;

import com.keyaccount.crm.importing.DataImports;
import com.keyaccount.crm.importing.FileImport;
import com.keyaccount.crm.importing.ImportKind;
import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Directors and admins upload customer lists and sales files; each import then has its own page. */
@Controller
class UploadController {

    /** The columns a customer file may have, in the order of the sample. */
    static final List<String> CUSTOMER_SAMPLE_HEADER = List.of("code", "name", "industry", "region", "owner", "phone",
            "address", "province", "city", "status", "lost_reason", "annual_sales", "employee_count", "potential", "adoption", "stage",
            "close_class", "expected_monthly_value");

    private final List<FileImport> kinds;
    private final DataImports imports;

    UploadController(List<FileImport> kinds, DataImports imports) {
        this.kinds = kinds;
        this.imports = imports;
    }

    @GetMapping("/imports/{kind:customers|sales}")
    String form(@PathVariable String kind, Viewer viewer, Model model) {
        model.addAttribute("imports", imports.recent(viewer, fileImport(kind).kind()));
        model.addAttribute("kind", kind);
        return "imports/upload";
    }

    @PostMapping("/imports/{kind:customers|sales}")
    String upload(@PathVariable String kind, @RequestParam(name = "file", required = false) MultipartFile file,
            Viewer viewer, Model model, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "import.file.required");
            return form(kind, viewer, model);
        }
        Upload upload = Upload.save(file, kind + ".csv");
        long id = fileImport(kind).start(viewer, upload.name(), upload);
        redirect.addFlashAttribute("flash", "flash.import.started");
        return "redirect:/imports/" + id;
    }

    /**
     * A customer file to start from: the header with every column the import reads (potential and
     * adoption, then the prospect columns last) and two lines, a customer and a prospect graded and at its stage. UTF-8 with a
     * BOM, as Excel opens it; the import guide on the upload page says what each column takes.
     */
    @GetMapping("/imports/customers/sample.csv")
    void customerSample(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("customers-sample.csv", StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT);
        csv.printRecord(CUSTOMER_SAMPLE_HEADER);
        csv.printRecord("C-10001", "南京嘉禾农业科技有限公司", "AGRICULTURE", "EAST", "zhang", "025-8456 1234",
                "江苏省南京市玄武区中山路 1 号", "江苏", "南京", "ACTIVE", "", "12,500,000", "320", "8", "PREFERRED", "", "", "");
        csv.printRecord("P-20001", "苏州新远电子有限公司", "MANUFACTURING", "EAST", "zhang", "0512-6789 0000",
                "江苏省苏州市工业园区星湖街 2 号", "江苏省", "苏州市", "PROSPECT", "", "", "", "7", "COMPETITOR", "A05", "B", "50,000");
        csv.flush();
    }

    private FileImport fileImport(String kind) {
        ImportKind wanted = ImportKind.valueOf(kind.toUpperCase(Locale.ROOT));
        return kinds.stream().filter(k -> k.kind() == wanted).findFirst().orElseThrow();
    }
}
