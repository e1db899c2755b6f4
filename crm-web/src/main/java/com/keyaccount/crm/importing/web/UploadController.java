package com.keyaccount.crm.importing.web;

import com.keyaccount.crm.importing.DataImports;
import com.keyaccount.crm.importing.FileImport;
import com.keyaccount.crm.importing.ImportKind;
import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
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

    private FileImport fileImport(String kind) {
        ImportKind wanted = ImportKind.valueOf(kind.toUpperCase(Locale.ROOT));
        return kinds.stream().filter(k -> k.kind() == wanted).findFirst().orElseThrow();
    }
}
