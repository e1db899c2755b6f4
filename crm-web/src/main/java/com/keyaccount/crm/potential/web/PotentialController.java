package com.keyaccount.crm.potential.web;

import com.keyaccount.crm.customer.Adoption;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.PotentialBand;
import com.keyaccount.crm.customer.PotentialFactors;
import com.keyaccount.crm.customer.PotentialFactorsService;
import com.keyaccount.crm.customer.PotentialService;
import com.keyaccount.crm.user.Viewer;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's potential and adoption (seed 003's nine-grid), set by whoever may see the
 * customer; another manager's customer answers 404 like a missing one.
 */
@Controller
@RequestMapping("/customers/{id}/potential")
@RequiredArgsConstructor
class PotentialController {

    private final CustomerService customers;
    private final PotentialService potentials;
    private final PotentialFactorsService factors;

    @GetMapping
    String form(@PathVariable long id, Viewer viewer, Model model) {
        Customer customer = customers.get(viewer, id);
        return page(customer, PotentialForm.of(customer.getAssessment()), factors.current().factors(), model);
    }

    @PostMapping
    String save(@PathVariable long id, @Valid @ModelAttribute("form") PotentialForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        Customer customer = customers.get(viewer, id);
        PotentialFactors table = factors.current().factors();
        if (form.getByFactors() != null && form.getByFactors() != table.enabled()) {
            // the admin switched how potential is entered while this form was open: nothing is saved
            result.reject("potential.factors.switched");
            return page(customer, form, table, model);
        }
        if (table.enabled() && (form.getPotentialRow() == null) != (form.getPotentialColumn() == null)
                && !result.hasFieldErrors("potentialRow") && !result.hasFieldErrors("potentialColumn")) {
            // one level without the other scores nothing: said beside the one missing
            result.rejectValue(form.getPotentialRow() == null ? "potentialRow" : "potentialColumn",
                    "potential.factors.both");
        }
        if (result.hasErrors()) {
            return page(customer, form, table, model);
        }
        if (table.enabled()) {
            potentials.assessByFactors(viewer, id, form.getPotentialRow(), form.getPotentialColumn(),
                    form.getAdoption());
        } else {
            potentials.assess(viewer, id, form.getPotential(), form.getAdoption());
        }
        redirect.addFlashAttribute("flash", "flash.potential.saved");
        return "redirect:/customers/" + id + "#potential";
    }

    private static String page(Customer customer, PotentialForm form, PotentialFactors table, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("factors", table);
        model.addAttribute("form", form);
        model.addAttribute("adoptions", Adoption.values());
        Map<Integer, PotentialBand> scores = new LinkedHashMap<>();
        for (int score = PotentialBand.MAX; score >= PotentialBand.MIN; score--) {
            scores.put(score, PotentialBand.of(score));
        }
        model.addAttribute("scores", scores);
        return "potential/edit";
    }
}
