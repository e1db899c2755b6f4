package com.keyaccount.crm.followup.web;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.followup.application.FollowUpReschedules;
import com.keyaccount.crm.followup.application.RescheduleReason;
import com.keyaccount.crm.followup.application.RescheduleRejectedException;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.BackToMyDay;
import com.keyaccount.crm.web.Formats;
import jakarta.validation.Valid;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
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
 * Snooze: move a customer's next contact to a working day, with a reason. My day posts its
 * row's small form here ({@code back=my-day} and its filters); a mistake shows this page with
 * the message beside the field and what was typed. Another manager's customer is "not found".
 */
@Controller
@RequiredArgsConstructor
class RescheduleController {

    private final CustomerService customers;
    private final FollowUpReschedules reschedules;
    private final Formats formats;

    @GetMapping("/customers/{customerId}/reschedule")
    String form(@PathVariable long customerId, @RequestParam(required = false) String back, Viewer viewer,
            Model model) {
        Customer customer = customers.get(viewer, customerId);
        RescheduleForm form = new RescheduleForm();
        reschedules.of(customer).ifPresentOrElse(current -> {
            form.setDueOn(current.dueOn());
            form.setReason(current.reason());
            form.setNote(current.note());
        }, () -> form.setDueOn(reschedules.window().suggested()));
        model.addAttribute("form", form);
        return page(customer, back, null, null, null, model);
    }

    @PostMapping("/customers/{customerId}/reschedule")
    String reschedule(@PathVariable long customerId, @Valid @ModelAttribute("form") RescheduleForm form,
            BindingResult result, @RequestParam(required = false) String back,
            @RequestParam(required = false) Long manager, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String city, Viewer viewer, Model model, RedirectAttributes redirect) {
        Customer customer = customers.get(viewer, customerId);
        // the use case's rules too, beside the fields the form itself found nothing wrong with,
        // so a bad day and a missing reason are both said at once
        reschedules.check(form.toCommand()).stream().filter(v -> !result.hasFieldErrors(v.path()))
                .forEach(v -> reject(result, v));
        if (!result.hasErrors()) {
            try {
                reschedules.reschedule(viewer, customerId, form.toCommand());
                redirect.addFlashAttribute("flash", "flash.rescheduled");
                return "redirect:" + (BackToMyDay.requested(back) ? BackToMyDay.location(manager, tier, city)
                        : "/customers/" + customerId);
            } catch (RescheduleRejectedException rejected) {
                // a rule that changed between the check and the write (the calendar, midnight)
                rejected.violations().forEach(v -> reject(result, v));
            }
        }
        return page(customer, back, manager, tier, city, model);
    }

    /** A rule the use case found broken, beside its field: {@code reschedule.<field>.<code>}. */
    private void reject(BindingResult result, Violation violation) {
        Object[] args = violation.args().stream()
                .map(a -> a instanceof LocalDate day ? formats.date(day) : a).toArray();
        result.rejectValue(violation.path(), "reschedule." + violation.path() + "." + violation.code(), args, null);
    }

    private String page(Customer customer, String back, Long manager, String tier, String city, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("current", reschedules.of(customer).orElse(null));
        model.addAttribute("window", reschedules.window());
        model.addAttribute("reasons", RescheduleReason.values());
        boolean fromMyDay = BackToMyDay.requested(back);
        model.addAttribute("back", fromMyDay ? BackToMyDay.PARAM_VALUE : null);
        model.addAttribute("links", new MyDayLinks(manager, BackToMyDay.tier(tier), BackToMyDay.city(city)));
        return "followup/reschedule";
    }
}
