package com.keyaccount.crm.user.web;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.org.OrgUnitNotFoundException;
import com.keyaccount.crm.org.Organisation;
import com.keyaccount.crm.user.application.BookNotHandedOverException;
import com.keyaccount.crm.user.application.CreatedUser;
import com.keyaccount.crm.user.application.LastAdminException;
import com.keyaccount.crm.user.application.OwnAccountException;
import com.keyaccount.crm.user.application.PasswordPolicy;
import com.keyaccount.crm.user.application.StaleUserException;
import com.keyaccount.crm.user.application.SignInAdministration;
import com.keyaccount.crm.user.application.UserAdministration;
import com.keyaccount.crm.user.application.UserNotFoundException;
import com.keyaccount.crm.user.application.UsernameTakenException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
 * Administrators list, create, edit, disable and enable users, reset their passwords and clear
 * their sign-in delays.
 */
@Controller
@RequestMapping("/admin/users")
@RequiredArgsConstructor
class UserAdminController {

    private static final String LIST = "redirect:/admin/users";

    private final UserAdministration administration;
    private final SignInAdministration signIns;
    private final Organisation organisation;

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("regions", Region.values());
    }

    /** The units a user may be placed in, for the forms only (the list and the steps need none). */
    private void units(Model model) {
        model.addAttribute("units", organisation.tree());
    }

    @GetMapping
    String list(@ModelAttribute("query") UserListQuery query, BindingResult ignoredBadFilters,
            Viewer viewer, Model model) {
        model.addAttribute("users", administration.list(viewer, query.getRole(), query.enabled()));
        model.addAttribute("me", viewer.userId());
        return "admin/users";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", new NewUserForm());
        units(model);
        return "admin/user-form";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        if (form.getPassword() != null && !form.getPassword().isEmpty()) {
            PasswordPolicy.problem(form.getPassword()).ifPresent(key -> result.rejectValue("password", key));
        }
        if (!result.hasErrors()) {
            try {
                CreatedUser created = administration.create(viewer, form.toCommand());
                redirect.addFlashAttribute("flash", "flash.user.created");
                redirect.addFlashAttribute("passwordFor", created.username());
                redirect.addFlashAttribute("temporaryPassword", created.temporaryPassword());
                return LIST;
            } catch (UsernameTakenException | DataIntegrityViolationException e) {
                result.rejectValue("username", "user.username.taken");
            } catch (OrgUnitNotFoundException e) {
                result.rejectValue("unitId", "user.unit.unknown");
            }
        }
        form.setPassword(null);
        units(model);
        return "admin/user-form";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Viewer viewer, Model model) {
        model.addAttribute("form", UserForm.of(administration.get(viewer, id)));
        return edit(id, viewer, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                administration.update(viewer, id, form.getVersion(), form.toChanges());
                redirect.addFlashAttribute("flash", "flash.user.updated");
                return LIST;
            } catch (StaleUserException | ObjectOptimisticLockingFailureException e) {
                // what they typed stays; the current values are shown beside it, to save deliberately
                var current = administration.get(viewer, id);
                model.addAttribute("current", UserForm.of(current));
                form.setVersion(current.getVersion());
                response.setStatus(HttpStatus.CONFLICT.value());
            } catch (LastAdminException e) {
                result.rejectValue("role", "user.lastAdmin");
                response.setStatus(HttpStatus.CONFLICT.value());
            } catch (OrgUnitNotFoundException e) {
                result.rejectValue("unitId", "user.unit.unknown");
            } catch (BookNotHandedOverException e) {
                result.rejectValue("role", "user.role.ownsCustomers");
            }
        }
        return edit(id, viewer, model);
    }

    private String edit(long id, Viewer viewer, Model model) {
        var edited = administration.get(viewer, id);
        model.addAttribute("edited", edited);
        model.addAttribute("signInFailures", signIns.signInFailures(viewer, id));
        model.addAttribute("currentUnit", organisation.path(edited.getUnitId()).orElse(null));
        units(model);
        return "admin/user-form";
    }

    /** Back to the edit page, where the admin asked for it and now sees no failures left. */
    @PostMapping("/{id}/clear-sign-in-delays")
    String clearSignInDelays(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        signIns.clearSignInDelays(viewer, id);
        redirect.addFlashAttribute("flash", "flash.user.signInDelaysCleared");
        return "redirect:/admin/users/" + id + "/edit";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        try {
            administration.disable(viewer, id);
            redirect.addFlashAttribute("flash", "flash.user.disabled");
        } catch (LastAdminException e) {
            redirect.addFlashAttribute("refused", "user.lastAdmin");
        } catch (OwnAccountException e) {
            redirect.addFlashAttribute("refused", "user.ownAccount.disable");
        } catch (BookNotHandedOverException e) {
            // whoever owns customers leaves through the hand-over page, which names who takes them
            return "redirect:/admin/users/" + id + "/leave";
        }
        return LIST;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        administration.enable(viewer, id);
        redirect.addFlashAttribute("flash", "flash.user.enabled");
        return LIST;
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, Viewer viewer,
            RedirectAttributes redirect) {
        try {
            String temporary = signIns.resetPassword(viewer, id);
            redirect.addFlashAttribute("flash", "flash.user.passwordReset");
            redirect.addFlashAttribute("passwordFor", administration.get(viewer, id).getUsername());
            redirect.addFlashAttribute("temporaryPassword", temporary);
        } catch (OwnAccountException e) {
            redirect.addFlashAttribute("refused", "user.ownAccount.reset");
        }
        return LIST;
    }

    @ExceptionHandler(UserNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
