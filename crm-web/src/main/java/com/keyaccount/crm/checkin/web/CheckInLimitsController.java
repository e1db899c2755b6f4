package com.keyaccount.crm.checkin.web;

import com.keyaccount.crm.checkin.CheckInSettings;
import com.keyaccount.crm.checkin.rules.CheckInLimits;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.user.Viewer;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins (SecurityConfig: /admin/**) set how far from the customer, and with how imprecise a
 * position, a check-in still counts as evidence. A change applies from the next check-in on.
 */
@Controller
@RequiredArgsConstructor
class CheckInLimitsController {

    private static final String PAGE = "/admin/check-in";

    private final CheckInSettings settings;

    @GetMapping(PAGE)
    String show(Model model) {
        return page(LimitsForm.of(settings.current()), model);
    }

    @PostMapping(PAGE)
    String change(@Valid @ModelAttribute("limits") LimitsForm form, BindingResult result, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        // each typed limit is checked for its range, whether or not the other one is missing
        CheckInLimits typed = form.toLimits(CheckInLimits.DEFAULTS);
        for (Violation v : typed.violations()) {
            if (!result.hasFieldErrors(v.path())) {
                result.rejectValue(v.path(), "checkin.limits." + v.path(), v.args().toArray(), null);
            }
        }
        if (result.hasErrors()) {
            return page(form, model);
        }
        settings.change(viewer, typed);
        redirect.addFlashAttribute("flash", "flash.checkin.limitsSaved");
        return "redirect:" + PAGE;
    }

    private String page(LimitsForm form, Model model) {
        model.addAttribute("limits", form);
        model.addAttribute("defaults", CheckInLimits.DEFAULTS);
        model.addAttribute("lastChange", settings.lastChange().orElse(null));
        return "admin/check-in";
    }
}
