package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.customer.importing.CustomerImports;
import com.keyaccount.crm.importing.DataImports;
import com.keyaccount.crm.importing.ImportKind;
import com.keyaccount.crm.importing.web.Upload;
import com.keyaccount.crm.security.CrmUser;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Directors and admins upload customer lists; existing codes are updated, new ones created. */
@Controller
@RequiredArgsConstructor
class CustomerImportController {

    private final CustomerImports customers;
    private final DataImports imports;

    @GetMapping("/imports/customers")
    String form(@AuthenticationPrincipal CrmUser user, Model model) {
        model.addAttribute("imports", imports.recent(user.viewer(), ImportKind.CUSTOMERS));
        model.addAttribute("kind", "customers");
        return "imports/upload";
    }

    @PostMapping("/imports/customers")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal CrmUser user, Model model, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "import.file.required");
            return form(user, model);
        }
        Upload upload = Upload.save(file, "customers.csv");
        long id = customers.start(user.viewer(), upload.name(), upload.saved());
        redirect.addFlashAttribute("flash", "flash.import.started");
        return "redirect:/imports/" + id;
    }
}
