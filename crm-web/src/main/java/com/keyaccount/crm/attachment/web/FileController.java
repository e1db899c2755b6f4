package com.keyaccount.crm.attachment.web;

import com.keyaccount.crm.attachment.Attachments;
import com.keyaccount.crm.attachment.ContentDispositions;
import com.keyaccount.crm.attachment.Download;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.security.ExternalRedirects;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import com.keyaccount.crm.web.PageNotFoundException;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Downloads of attachments, behind the customer's ownership like every customer page (another
 * manager's file answers the same 404 as a missing one), and their deletion. The object store's
 * files are handed over as a redirect to a presigned link that works for a few minutes; the
 * folder's (and every thumbnail) are sent from here.
 */
@Controller
@RequiredArgsConstructor
class FileController {

    /** Shown in the browser; anything else (Office documents) is saved. */
    private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp",
            "application/pdf");

    private static final Logger log = LoggerFactory.getLogger(FileController.class);

    private final Attachments attachments;

    @GetMapping("/files/{id}")
    void file(@PathVariable long id, Viewer viewer, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Download download = attachments.download(viewer, id, false, true);
        if (download.link().isPresent()) {
            ExternalRedirects.allowFor(request);
        }
        send(download, response, false);
    }

    @GetMapping("/files/{id}/thumbnail")
    void thumbnail(@PathVariable long id, Viewer viewer, HttpServletResponse response) throws IOException {
        send(attachments.download(viewer, id, true, true), response, true);
    }

    @PostMapping("/files/{id}/delete")
    String delete(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        long customerId = attachments.delete(viewer, id);
        redirect.addFlashAttribute("flash", "flash.files.deleted");
        return "redirect:/customers/" + customerId + "#files";
    }

    private static void send(Download download, HttpServletResponse response, boolean thumbnail) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (download.link().isPresent()) {
            // 303: the browser fetches the bytes from the object store itself, for a few minutes
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", download.link().get().toString());
            return;
        }
        InputStream in;
        try {
            in = download.open();
        } catch (IOException missingFromTheStore) {
            // a row whose bytes the store does not have (a store restored from an older backup):
            // the same answer as a missing file, and a line for whoever runs the store
            log.warn("Stored bytes of a file could not be read: {}", missingFromTheStore.toString());
            throw new PageNotFoundException("stored file");
        }
        boolean inline = thumbnail || INLINE.contains(download.contentType());
        response.setContentType(download.contentType());
        response.setHeader("Content-Disposition", ContentDispositions.of(inline,
                thumbnail ? "thumbnail-" + download.fileName() : download.fileName()));
        try (in; OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
