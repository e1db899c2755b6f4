package com.keyaccount.crm.contactlog.web;

import com.keyaccount.crm.customer.CustomerNotFoundException;
import com.keyaccount.crm.shared.RecordNotFoundException;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.FilesError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * The log form sent by a script with {@code Accept: application/json} (the phone's outbox,
 * static/js/offline.js, which also sends the form this way while online): the same URL, checks
 * and use case as the page — it runs {@link ContactLogController}'s own handler — answered in
 * JSON instead of a page or a redirect. A browser's ordinary form post still gets the page.
 */
@Controller
class ContactLogScriptController {

    private final ContactLogController pages;
    private final LogAnswers answers;

    ContactLogScriptController(ContactLogController pages, MessageSource messages) {
        this.pages = pages;
        this.answers = new LogAnswers(messages);
    }

    @PostMapping(path = "/customers/{customerId}/logs", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LogAnswer> record(@PathVariable long customerId, @Valid @ModelAttribute("form") ContactLogForm form,
            BindingResult result, @RequestParam(required = false) String back,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean keepTakenAt, Viewer viewer, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
        try {
            String view = pages.record(customerId, form, result, back, files, keepTakenAt, viewer, model, redirect,
                    response);
            // the page shows a refused photo beside its file field; the outbox shows it as that field's message
            if (model.getAttribute("filesError") instanceof FilesError refused) {
                result.addError(new FieldError("form", "files", null, false, new String[] {refused.code()},
                        refused.args(), refused.code()));
            }
            return answers.of(view, result, redirect, request, response);
        } catch (CustomerNotFoundException | RecordNotFoundException | NotPermittedException notInTheBook) {
            return answers.gone(request);
        }
    }
}
