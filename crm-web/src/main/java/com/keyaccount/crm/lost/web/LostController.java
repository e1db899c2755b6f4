package com.keyaccount.crm.lost.web;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.lost.application.CustomerLoss;
import com.keyaccount.crm.lost.application.CustomerLoss.ComeBack;
import com.keyaccount.crm.lost.application.LossReason;
import com.keyaccount.crm.lost.application.LossRejectedException;
import com.keyaccount.crm.lost.application.LostCustomers;
import com.keyaccount.crm.user.Viewer;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Marking a customer lost (with the reason, scheduling the interview) and recording the
 * interview. Another manager's customer answers 404 like a missing one.
 */
@Controller
@RequiredArgsConstructor
class LostController {

    private final LostCustomers lost;
    private final CustomerService customers;

    @GetMapping("/customers/{customerId}/lost")
    String form(@PathVariable long customerId, Viewer viewer, Model model) {
        Customer customer = customers.get(viewer, customerId);
        if (customer.getStatus() == CustomerStatus.LOST) {
            return "redirect:/customers/" + customerId + "/lost/interview";
        }
        LostForms.MarkLost form = new LostForms.MarkLost();
        form.setInterviewOn(lost.today().plusDays(LostCustomers.INTERVIEW_AFTER_DAYS));
        return markForm(customer, form, model);
    }

    @PostMapping("/customers/{customerId}/lost")
    String markLost(@PathVariable long customerId, @Valid @ModelAttribute("form") LostForms.MarkLost form,
            BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect) {
        Customer customer = customers.get(viewer, customerId);
        if (!result.hasErrors()) {
            try {
                lost.markLost(viewer, customerId, new LostCustomers.Reason(form.getReason(), form.getCompetitor(),
                        form.getNote(), form.getInterviewOn()));
                redirect.addFlashAttribute("flash", "flash.lost.marked");
                return "redirect:/customers/" + customerId;
            } catch (LossRejectedException e) {
                reject(result, e);
            }
        }
        return markForm(customer, form, model);
    }

    @GetMapping("/customers/{customerId}/lost/interview")
    String interview(@PathVariable long customerId, Viewer viewer, Model model) {
        CustomerLoss loss = lost.current(viewer, customerId).orElseThrow(() -> new LossNotOpen(customerId));
        LostForms.Interview form = new LostForms.Interview();
        form.setVersion(loss.version());
        form.setOn(lost.today());
        form.setCompetitor(loss.interviewCompetitor() != null ? loss.interviewCompetitor() : loss.competitor());
        form.setWhy(loss.interviewWhy());
        form.setComeBack(loss.comeBack());
        form.setNotes(loss.interviewNotes());
        return interviewForm(customers.get(viewer, customerId), loss, form, model);
    }

    @PostMapping("/customers/{customerId}/lost/interview")
    String recordInterview(@PathVariable long customerId, @Valid @ModelAttribute("form") LostForms.Interview form,
            BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect) {
        CustomerLoss loss = lost.current(viewer, customerId).orElseThrow(() -> new LossNotOpen(customerId));
        if (!result.hasErrors()) {
            try {
                lost.recordInterview(viewer, customerId, form.getVersion(), new LostCustomers.Interview(form.getOn(),
                        form.getCompetitor(), form.getWhy(), form.getComeBack(), form.getNotes()));
                redirect.addFlashAttribute("flash", "flash.lost.interviewed");
                return "redirect:/customers/" + customerId;
            } catch (LossRejectedException e) {
                reject(result, e);
            }
        }
        return interviewForm(customers.get(viewer, customerId), loss, form, model);
    }

    private static void reject(BindingResult result, LossRejectedException e) {
        if (e.field() != null) {
            result.rejectValue(e.field(), "lost.error." + e.code());
        } else {
            result.reject("lost.error." + e.code());
        }
    }

    private String markForm(Customer customer, LostForms.MarkLost form, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("form", form);
        model.addAttribute("reasons", LossReason.values());
        return "lost/mark";
    }

    private String interviewForm(Customer customer, CustomerLoss loss, LostForms.Interview form, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("loss", loss);
        model.addAttribute("form", form);
        model.addAttribute("comeBacks", ComeBack.values());
        return "lost/interview";
    }

    /** A customer that is not lost has no interview to record: 404, like a missing page. */
    static class LossNotOpen extends com.keyaccount.crm.shared.RecordNotFoundException {
        LossNotOpen(long customerId) {
            super("no open loss for customer " + customerId);
        }
    }
}
