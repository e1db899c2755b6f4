package com.keyaccount.crm.productline.web;

import com.keyaccount.crm.productline.ProductLine;
import com.keyaccount.crm.productline.ProductLineNameTakenException;
import com.keyaccount.crm.productline.ProductLines;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.PlainText;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins name the product lines the ERP sends and choose whether imports create new ones. */
@Controller
@RequiredArgsConstructor
class ProductLineAdminController {

    private static final String PAGE = "/admin/product-lines";

    private final ProductLines productLines;
    private final Clock clock;
    private final ZoneId businessZone;

    @GetMapping(PAGE)
    String list(Viewer viewer, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(businessZone));
        model.addAttribute("overview", productLines.overview(viewer, today.minusMonths(12).plusDays(1), today));
        return "admin/product-lines";
    }

    @PostMapping(PAGE + "/{id}/name")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        String problem = name.strip().length() > ProductLine.NAME_LENGTH ? "productline.name.tooLong"
                : !ControlCharacters.absentFrom(name, false) ? PlainText.CODE : null;
        if (problem == null) {
            try {
                productLines.rename(viewer, id, name);
                redirect.addFlashAttribute("flash", "flash.productline.renamed");
                return "redirect:" + PAGE;
            } catch (ProductLineNameTakenException taken) {
                problem = "productline.name.taken";
            }
        }
        model.addAttribute("editedId", id);
        model.addAttribute("editedName", name);
        model.addAttribute("nameError", problem);
        return list(viewer, model);
    }

    @PostMapping(PAGE + "/setting")
    String setting(@RequestParam boolean createOnImport, Viewer viewer, RedirectAttributes redirect) {
        productLines.createOnImport(viewer, createOnImport);
        redirect.addFlashAttribute("flash", "flash.productline.settingChanged");
        return "redirect:" + PAGE;
    }
}
