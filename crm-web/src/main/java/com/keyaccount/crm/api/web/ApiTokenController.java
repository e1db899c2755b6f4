package com.keyaccount.crm.api.web;

import com.keyaccount.crm.api.ApiTokens;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.PlainText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins issue tokens for the ERP (each shown once) and revoke them; the page links the API's
 * contract, and its Swagger UI where that is switched on.
 */
@Controller
class ApiTokenController {

    static final int NAME_LENGTH = 100;

    private final ApiTokens tokens;
    private final boolean swaggerUi;

    ApiTokenController(ApiTokens tokens, @Value("${springdoc.swagger-ui.enabled:true}") boolean swaggerUi) {
        this.tokens = tokens;
        this.swaggerUi = swaggerUi;
    }

    @GetMapping("/admin/api-tokens")
    String list(Viewer viewer, Model model) {
        model.addAttribute("tokens", tokens.list(viewer));
        model.addAttribute("swaggerUi", swaggerUi);
        return "admin/api-tokens";
    }

    @PostMapping("/admin/api-tokens")
    String issue(@RequestParam(defaultValue = "") String name, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        String problem = name.isBlank() ? "apitoken.name.required"
                : name.strip().length() > NAME_LENGTH ? "apitoken.name.tooLong"
                : !ControlCharacters.absentFrom(name, false) ? PlainText.CODE : null;
        if (problem != null) {
            model.addAttribute("name", name);
            model.addAttribute("nameError", problem);
            return list(viewer, model);
        }
        redirect.addFlashAttribute("issuedToken", tokens.issue(viewer, name));
        redirect.addFlashAttribute("flash", "flash.apitoken.issued");
        return "redirect:/admin/api-tokens";
    }

    @PostMapping("/admin/api-tokens/{id}/revoke")
    String revoke(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        tokens.revoke(viewer, id);
        redirect.addFlashAttribute("flash", "flash.apitoken.revoked");
        return "redirect:/admin/api-tokens";
    }
}
