package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.user.UnknownOwnerException;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.PlainText;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Directors and admins move the customers ticked on the list to another account manager. */
@Controller
@RequiredArgsConstructor
class ReassignController {

    static final int MOST_AT_ONCE = 1_000;
    static final int REASON_LENGTH = 500;

    private final CustomerService customers;

    @PostMapping("/customers/reassign")
    String reassign(@RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(name = "newOwner", required = false) Long newOwner,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @RequestParam(name = "back", defaultValue = "") String back,
            Viewer viewer, RedirectAttributes redirect) {
        String problem = ids == null || ids.isEmpty() ? "reassign.none"
                : ids.size() > MOST_AT_ONCE ? "reassign.tooMany"
                : newOwner == null ? "reassign.owner.required"
                : reason.isBlank() ? "reassign.reason.required"
                : reason.strip().length() > REASON_LENGTH ? "reassign.reason.tooLong"
                : !ControlCharacters.absentFrom(reason, false) ? PlainText.CODE : null;
        if (problem == null) {
            try {
                int moved = customers.reassign(viewer, ids, newOwner, reason);
                redirect.addFlashAttribute("flash", "flash.reassigned");
                redirect.addFlashAttribute("reassigned", moved);
            } catch (UnknownOwnerException e) {
                problem = "reassign.owner.required";
            }
        }
        if (problem != null) {
            redirect.addFlashAttribute("reassignError", problem);
            redirect.addFlashAttribute("reassignReason", reason);
            // what the director ticked and picked stays ticked and picked, to correct and resend
            redirect.addFlashAttribute("reassignIds", ids == null ? List.of() : ids);
            redirect.addFlashAttribute("reassignOwner", newOwner);
        }
        // back to the same filtered list: only a query string of our own list page
        return "redirect:/customers" + (back.matches("\\?[\\w=&%.,+-]*") ? back : "");
    }
}
