package com.keyaccount.crm.user.web;

import com.keyaccount.crm.security.UserSessions;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.PasswordPolicy;
import com.keyaccount.crm.user.application.Passwords;
import com.keyaccount.crm.user.application.WrongPasswordException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every user changes their own password here; a user with a temporary password is sent here
 * from every page until they have.
 */
@Controller
@RequestMapping("/account/password")
@RequiredArgsConstructor
class AccountPasswordController {

    private final Passwords passwords;
    private final UserSessions sessions;

    @GetMapping
    String form(@ModelAttribute("form") PasswordForm form) {
        return "account/password";
    }

    @PostMapping
    String change(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result,
            Viewer viewer, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!result.hasFieldErrors("chosen")) {
            PasswordPolicy.problem(form.getChosen()).ifPresent(key -> result.rejectValue("chosen", key));
        }
        if (!result.hasFieldErrors("chosen") && form.getChosen().equals(form.getCurrent())) {
            result.rejectValue("chosen", "password.same");
        }
        if (!result.hasFieldErrors("chosen") && !result.hasFieldErrors("confirmation")
                && !form.getChosen().equals(form.getConfirmation())) {
            result.rejectValue("confirmation", "password.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                passwords.changeOwn(viewer, form.getCurrent(), form.getChosen());
                sessions.passwordChanged(request, response);
                redirect.addFlashAttribute("flash", "flash.password.changed");
                return "redirect:/";
            } catch (WrongPasswordException e) {
                result.rejectValue("current", "password.wrong");
            }
        }
        // passwords are never sent back into the page
        form.setCurrent(null);
        form.setChosen(null);
        form.setConfirmation(null);
        return "account/password";
    }
}
