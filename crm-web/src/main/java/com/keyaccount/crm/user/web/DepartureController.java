package com.keyaccount.crm.user.web;

import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Departures;
import com.keyaccount.crm.user.application.LastAdminException;
import com.keyaccount.crm.user.application.OwnAccountException;
import com.keyaccount.crm.user.application.SuccessorRefusedException;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.user.application.UserAdministration;
import com.keyaccount.crm.user.application.UserNotFoundException;
import jakarta.validation.Valid;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Someone leaves (离职): the administrator names who takes over their customers, and the user is
 * disabled with their book handed over in one step. Disabling a user who owns customers leads here.
 */
@Controller
@RequestMapping("/admin/users/{id}/leave")
@RequiredArgsConstructor
class DepartureController {

    private final UserAdministration administration;
    private final Departures departures;
    private final Team team;
    private final MessageSource messages;

    @GetMapping
    String form(@PathVariable long id, Viewer viewer, Model model) {
        return page(id, viewer, new DepartureForm(), model);
    }

    @PostMapping
    String leave(@PathVariable long id, @Valid @ModelAttribute("form") DepartureForm form, BindingResult result,
            Viewer viewer, Model model, Locale locale, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                String reason = messages.getMessage("user.leave.reason", new Object[] {
                        administration.get(viewer, id).getDisplayName()}, locale);
                departures.leave(viewer, id, form.getSuccessorId(), reason);
                redirect.addFlashAttribute("flash", "flash.user.left");
                return "redirect:/admin/users";
            } catch (SuccessorRefusedException e) {
                result.rejectValue("successorId", e.why() == SuccessorRefusedException.Why.NEEDED
                        ? "user.leave.successor.needed" : "user.leave.successor.invalid");
            } catch (LastAdminException e) {
                result.reject("user.lastAdmin");
            } catch (OwnAccountException e) {
                result.reject("user.ownAccount.disable");
            }
        }
        return page(id, viewer, form, model);
    }

    private String page(long id, Viewer viewer, DepartureForm form, Model model) {
        AppUser leaving = administration.get(viewer, id);
        model.addAttribute("leaving", leaving);
        model.addAttribute("owned", administration.customersOwned(id));
        model.addAttribute("successors", team.accountManagers().stream().filter(m -> m.id() != id).toList());
        model.addAttribute("form", form);
        return "admin/user-leave";
    }

    @ExceptionHandler(UserNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
