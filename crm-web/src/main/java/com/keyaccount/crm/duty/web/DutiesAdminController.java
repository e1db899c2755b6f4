package com.keyaccount.crm.duty.web;

import com.keyaccount.crm.duty.application.DutyPolicies;
import com.keyaccount.crm.followup.rules.RoleDuties;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierNames;
import com.keyaccount.crm.user.Viewer;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins (SecurityConfig: /admin/**) set the visit duties per role: per role and tier, visit and
 * call at least every so many days, and a role's days a month at key accounts. A change shows on
 * everyone's My day and attainment at their next request.
 */
@Controller
@RequiredArgsConstructor
class DutiesAdminController {

    private static final String PAGE = "/admin/duties";

    private final DutyPolicies duties;
    private final TierNames tierNames;

    @GetMapping(PAGE)
    String show(Model model) {
        return page(DutiesForm.of(duties.current(), tierNames.tiers()), model);
    }

    @PostMapping(PAGE)
    String change(@ModelAttribute("duties") DutiesForm form, BindingResult result, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        List<Tier> tiers = tierNames.tiers();
        form.align(tiers);
        RoleDuties current = duties.current();
        RoleDuties typed = form.toDuties(current);
        for (Violation v : typed.violations()) {
            String field = form.field(v.path());
            if (field != null && !result.hasFieldErrors(field)) {
                result.rejectValue(field, "duties.range", v.args().toArray(), null);
            }
        }
        if (result.hasErrors()) {
            return page(form, model);
        }
        duties.save(viewer.username(), typed);
        redirect.addFlashAttribute("flash", "flash.duties.saved");
        return "redirect:" + PAGE;
    }

    private String page(DutiesForm form, Model model) {
        model.addAttribute("duties", form);
        model.addAttribute("defaults", RoleDuties.DEFAULT);
        return "admin/duties";
    }
}
