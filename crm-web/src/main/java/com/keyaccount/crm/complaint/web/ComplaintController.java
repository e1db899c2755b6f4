package com.keyaccount.crm.complaint.web;

import com.keyaccount.crm.attachment.Attachments;
import com.keyaccount.crm.complaint.ComplaintText;
import com.keyaccount.crm.complaint.ComplaintCategory;
import com.keyaccount.crm.complaint.ComplaintChannel;
import com.keyaccount.crm.complaint.ComplaintRefusedException;
import com.keyaccount.crm.complaint.StaleComplaintException;
import com.keyaccount.crm.complaint.application.ComplaintAssignments;
import com.keyaccount.crm.complaint.application.ComplaintDetail;
import com.keyaccount.crm.complaint.application.Complaints;
import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.customer.ContactService;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.web.FilesError;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recording a complaint from the customer's page, and its own page: what it is, its deadlines
 * and timeline, and the next step (answer, resolve with a note, confirm, reopen). A step posts
 * the version the page showed; a step taken meanwhile answers 409 with what was typed kept.
 */
@Controller
@RequiredArgsConstructor
class ComplaintController {


    private final Complaints complaints;
    private final CustomerService customers;
    private final ContactService contacts;
    private final ComplaintAssignments assignments;
    private final Team team;
    /** Photos and files on the complaint (issue 23). */
    private final Attachments attachments;

    @GetMapping("/customers/{customerId}/complaints/new")
    String form(@PathVariable long customerId, Viewer viewer, Model model) {
        return form(customers.get(viewer, customerId), ComplaintForm.blank(), model);
    }

    @PostMapping("/customers/{customerId}/complaints")
    String record(@PathVariable long customerId, @Valid @ModelAttribute("form") ComplaintForm form,
            BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect) {
        Customer customer = customers.get(viewer, customerId);
        if (result.hasFieldErrors("submissionToken")) {
            form.setSubmissionToken(UUID.randomUUID().toString());
        }
        if (!result.hasErrors()) {
            try {
                long id = recordOnce(viewer, customerId, form);
                redirect.addFlashAttribute("flash", "flash.complaint.recorded");
                return "redirect:/complaints/" + id;
            } catch (ComplaintRefusedException e) {
                result.rejectValue(e.field(), "complaint.refused." + e.code());
            }
        }
        return form(customer, form, model);
    }

    @GetMapping("/complaints/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "false") boolean filesTooLarge, Viewer viewer,
            Model model) {
        if (filesTooLarge) {
            model.addAttribute("filesError", FilesError.tooLargeRequest());
        }
        return page(complaints.detail(viewer, id), model);
    }

    @PostMapping("/complaints/{id}/{step:answer|resolve|confirm|reopen}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String text, Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ComplaintDetail detail = complaints.detail(viewer, id);
        String field = switch (step) {
            case "answer" -> "answer";
            case "resolve" -> "resolution";
            case "confirm" -> "confirmNote";
            default -> "reopenReason";
        };
        String error = check(text);
        if (error == null) {
            try {
                long seen = version == null ? -1 : version;
                switch (step) {
                    case "answer" -> complaints.answer(viewer, id, seen, text);
                    case "resolve" -> complaints.resolve(viewer, id, seen, text);
                    case "confirm" -> complaints.confirm(viewer, id, seen, text);
                    default -> complaints.reopen(viewer, id, seen, text);
                }
                redirect.addFlashAttribute("flash", switch (step) {
                    case "answer" -> "flash.complaint.answer";
                    case "resolve" -> "flash.complaint.resolve";
                    case "confirm" -> "flash.complaint.confirm";
                    default -> "flash.complaint.reopen";
                });
                return "redirect:/complaints/" + id;
            } catch (StaleComplaintException | ObjectOptimisticLockingFailureException e) {
                // nothing was written: the page as it is now, with what this user typed kept
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("conflict", true);
                return page(complaints.detail(viewer, id), model, step, field, text, null);
            } catch (ComplaintRefusedException e) {
                error = "complaint.refused." + e.code();
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(detail, model, step, field, text, error);
    }

    /** Hands the open complaint to another account manager; a stale page gets the 409 page, nothing written. */
    @PostMapping("/complaints/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) Long ownerId, Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ComplaintDetail detail = complaints.detail(viewer, id);
        String error = "complaint.refused.notAManager";
        if (ownerId != null) {
            try {
                assignments.assign(viewer, id, version == null ? -1 : version, ownerId);
                redirect.addFlashAttribute("flash", "flash.complaint.assigned");
                return "redirect:/complaints/" + id;
            } catch (StaleComplaintException | ObjectOptimisticLockingFailureException e) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("conflict", true);
                return page(complaints.detail(viewer, id), model);
            } catch (ComplaintRefusedException e) {
                error = "complaint.refused." + e.code();
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("assignError", error);
        return page(detail, model);
    }

    /** Message key of what is wrong with a step's text before the complaint is asked, or null. */
    private static String check(String text) {
        if (text != null && text.length() > ComplaintText.MAX) {
            return "complaint.refused.tooLong";
        }
        if (text != null && !ControlCharacters.absentFrom(text, true)) {
            return "complaint.refused.controlCharacters";
        }
        return null;
    }

    private String page(ComplaintDetail detail, Model model) {
        model.addAttribute("complaint", detail);
        model.addAttribute("files", attachments.ofComplaint(detail.id()));
        if (detail.status().isOpen()) {
            model.addAttribute("managers", team.accountManagers());
        }
        return "complaints/page";
    }

    private String page(ComplaintDetail detail, Model model, String step, String field, String text, String error) {
        model.addAttribute("typedStep", step);
        model.addAttribute("typedText", text);
        model.addAttribute("stepError", error);
        model.addAttribute("stepField", field);
        return page(detail, model);
    }

    private String form(Customer customer, ComplaintForm form, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("form", form);
        model.addAttribute("contacts", contacts.of(customer));
        model.addAttribute("channels", ComplaintChannel.values());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("severities", Severity.values());
        return "complaints/form";
    }

    private long recordOnce(Viewer viewer, long customerId, ComplaintForm form) {
        try {
            return complaints.record(viewer, customerId, form.toCommand());
        } catch (DataIntegrityViolationException raceWithSameToken) {
            return complaints.findSubmission(form.getSubmissionToken()).orElseThrow(() -> raceWithSameToken);
        }
    }
}
