package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.ContactService;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.customer.StaleContactException;
import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/customers/{customerId}/contacts")
@RequiredArgsConstructor
class ContactController {

    private final CustomerService customers;
    private final ContactService contacts;
    private final MessageSource messages;

    @ModelAttribute
    void choices(@PathVariable long customerId, Viewer viewer, Model model) {
        model.addAttribute("customer", customers.get(viewer, customerId));
        model.addAttribute("decisionRoles", DecisionRole.values());
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", new ContactForm());
        return "contacts/form";
    }

    @PostMapping
    String create(@PathVariable long customerId, @Valid @ModelAttribute("form") ContactForm form,
            BindingResult result, Viewer viewer, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "contacts/form";
        }
        contacts.add(viewer, customerId, form.toDetails());
        redirect.addFlashAttribute("flash", "flash.contact.created");
        return "redirect:/customers/" + customerId;
    }

    @GetMapping("/{contactId}/edit")
    String editForm(@PathVariable long customerId, @PathVariable long contactId,
            Viewer viewer, Model model) {
        model.addAttribute("form", ContactForm.of(contacts.get(viewer, customerId, contactId)));
        model.addAttribute("contactId", contactId);
        return "contacts/form";
    }

    @PostMapping("/{contactId}")
    String update(@PathVariable long customerId, @PathVariable long contactId,
            @Valid @ModelAttribute("form") ContactForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        contacts.get(viewer, customerId, contactId);
        model.addAttribute("contactId", contactId);
        if (result.hasErrors()) {
            return "contacts/form";
        }
        try {
            contacts.update(viewer, customerId, contactId, form.getVersion(), form.toDetails());
        } catch (StaleContactException | ObjectOptimisticLockingFailureException e) {
            return conflict(customerId, contactId, form, viewer, model, response);
        }
        redirect.addFlashAttribute("flash", "flash.contact.updated");
        return "redirect:/customers/" + customerId;
    }

    /**
     * Someone saved the contact first: show what this user typed beside the saved values, and let
     * them save theirs deliberately against the current version. Nothing was written.
     */
    private String conflict(long customerId, long contactId, ContactForm mine, Viewer viewer, Model model,
            HttpServletResponse response) {
        Contact current = contacts.get(viewer, customerId, contactId);
        model.addAttribute("comparison", ProfileComparison.rows(mine.toDetails(), current.details(), messages,
                LocaleContextHolder.getLocale()));
        mine.setVersion(current.getVersion());
        model.addAttribute("form", mine);
        response.setStatus(HttpStatus.CONFLICT.value());
        return "contacts/conflict";
    }

    @PostMapping("/{contactId}/delete")
    String delete(@PathVariable long customerId, @PathVariable long contactId,
            Viewer viewer, RedirectAttributes redirect) {
        contacts.remove(viewer, customerId, contactId);
        redirect.addFlashAttribute("flash", "flash.contact.deleted");
        return "redirect:/customers/" + customerId;
    }
}
