package com.keyaccount.crm.care.web;

import com.keyaccount.crm.care.application.CareSpending;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.user.Viewer;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A director gives one customer its own yearly care budget, or clears it to use its tier's. */
@Controller
@RequiredArgsConstructor
class CareBudgetController {

    private final CareSpending spending;
    private final CustomerService customers;

    @PostMapping("/customers/{customerId}/care-budget")
    String set(@PathVariable long customerId, @Valid @ModelAttribute("budgetForm") CareForms.Budget form,
            BindingResult result, Viewer viewer, RedirectAttributes redirect) {
        customers.get(viewer, customerId);
        if (result.hasErrors()) {
            redirect.addFlashAttribute("careBudgetError", "care.budget.invalid");
            return "redirect:/customers/" + customerId + "#care";
        }
        spending.setOwnBudget(viewer, customerId, form.getAmount());
        redirect.addFlashAttribute("flash", "flash.care.budget");
        return "redirect:/customers/" + customerId + "#care";
    }
}
