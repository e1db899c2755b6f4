package com.keyaccount.crm.attachment.web;

import com.keyaccount.crm.attachment.FileUploads;
import com.keyaccount.crm.complaint.application.Complaints;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.FilesError;
import com.keyaccount.crm.web.UploadedFiles;
import java.io.UncheckedIOException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Photos and files added to a customer (its page's files section) or to a complaint (its page).
 * A refused file goes back to the page with the message beside the file field and nothing kept.
 */
@Controller
@RequiredArgsConstructor
class FileUploadController {

    private final UploadedFiles uploaded;
    private final FileUploads uploads;
    private final CustomerService customers;
    private final Complaints complaints;

    @PostMapping("/customers/{customerId}/files")
    String toCustomer(@PathVariable long customerId, @RequestParam(name = "files", required = false)
            List<MultipartFile> files, @RequestParam(defaultValue = "false") boolean keepTakenAt, Viewer viewer,
            RedirectAttributes redirect) {
        customers.get(viewer, customerId);
        String page = "redirect:/customers/" + customerId + "#files";
        UploadedFiles.Checked checked = uploaded.check(files, keepTakenAt);
        return keep(checked, page, redirect, () -> uploads.attachToCustomer(viewer, customerId, checked.files()));
    }

    @PostMapping("/complaints/{id}/files")
    String toComplaint(@PathVariable long id, @RequestParam(name = "files", required = false)
            List<MultipartFile> files, @RequestParam(defaultValue = "false") boolean keepTakenAt, Viewer viewer,
            RedirectAttributes redirect) {
        complaints.detail(viewer, id);
        String page = "redirect:/complaints/" + id + "#files";
        UploadedFiles.Checked checked = uploaded.check(files, keepTakenAt);
        return keep(checked, page, redirect, () -> uploads.attachToComplaint(viewer, id, checked.files()));
    }

    private static String keep(UploadedFiles.Checked checked, String page, RedirectAttributes redirect,
            Runnable attach) {
        if (!checked.ok()) {
            redirect.addFlashAttribute("filesError", checked.error());
            return page;
        }
        if (checked.files().isEmpty()) {
            redirect.addFlashAttribute("filesError", FilesError.noFile());
            return page;
        }
        try {
            attach.run();
            redirect.addFlashAttribute("flash", "flash.files.uploaded");
        } catch (UncheckedIOException storeDown) {
            redirect.addFlashAttribute("filesError", FilesError.storeDown());
        }
        return page;
    }
}
