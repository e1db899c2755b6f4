package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.tier.application.TierOverrides;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.PlainText;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 高层指定: directors and admins mark a customer as a key account, with the reason; it is held at
 * the top tier until the designation is withdrawn.
 */
@Controller
@RequestMapping("/customers/{id}/designation")
@RequiredArgsConstructor
class KeyAccountDesignationController {

    static final int MAX_REASON = 500;

    private final CustomerService customers;
    private final TierOverrides overrides;

    @PostMapping
    String designate(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            Viewer viewer, RedirectAttributes redirect) {
        customers.get(viewer, id);
        String trimmed = reason.strip();
        String problem = trimmed.isEmpty() ? "customer.designation.reason.required"
                : trimmed.length() > MAX_REASON ? "customer.designation.reason.tooLong"
                : !ControlCharacters.absentFrom(trimmed, false) ? PlainText.CODE : null;
        if (problem != null) {
            redirect.addFlashAttribute("designationReason", reason);
            redirect.addFlashAttribute("designationError", problem);
            return "redirect:/customers/" + id + "#designation";
        }
        boolean held = overrides.designate(viewer, id, trimmed);
        redirect.addFlashAttribute("flash", held ? "flash.customer.designated" : "flash.customer.designatedNotClassified");
        return "redirect:/customers/" + id;
    }

    @PostMapping("/withdraw")
    String withdraw(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        overrides.withdrawDesignation(viewer, id);
        redirect.addFlashAttribute("flash", "flash.customer.designationWithdrawn");
        return "redirect:/customers/" + id;
    }
}
