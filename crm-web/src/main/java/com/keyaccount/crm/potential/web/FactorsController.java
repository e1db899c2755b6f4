package com.keyaccount.crm.potential.web;

import com.keyaccount.crm.customer.PotentialFactors;
import com.keyaccount.crm.customer.PotentialFactorsService;
import com.keyaccount.crm.user.Viewer;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's table of potential by two factors (seed 003's 客户级别分值表): on, whoever assesses a
 * customer picks a level of each factor and the table scores it; a changed score re-scores them.
 */
@Controller
@RequestMapping("/admin/potential-factors")
@RequiredArgsConstructor
class FactorsController {

    private final PotentialFactorsService factors;

    @GetMapping
    String page(Model model) {
        PotentialFactorsService.Setting setting = factors.current();
        return show(FactorsForm.of(setting.factors(), setting.version()), setting, model);
    }

    @PostMapping
    String save(@Valid @ModelAttribute("form") FactorsForm form, BindingResult result, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            form.check(result);
        }
        if (result.hasErrors()) {
            return show(form.padded(), factors.current(), model);
        }
        PotentialFactorsService.Saved saved = factors.save(viewer, form.toFactors(), form.getVersion());
        if (saved.stale()) {
            result.reject("potential.factors.stale");
            return show(form.padded(), factors.current(), model);
        }
        redirect.addFlashAttribute("flash", "flash.potential.factors");
        redirect.addFlashAttribute("rescored", saved.rescored());
        return "redirect:/admin/potential-factors";
    }

    private static String show(FactorsForm form, PotentialFactorsService.Setting setting, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("setting", setting);
        model.addAttribute("levels", PotentialFactors.LEVELS);
        return "admin/potential-factors";
    }
}
