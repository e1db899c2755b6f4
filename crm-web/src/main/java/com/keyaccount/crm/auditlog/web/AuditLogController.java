package com.keyaccount.crm.auditlog.web;

import com.keyaccount.crm.auditlog.AuditLog;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.PageNumbers;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Directors and admins read who changed what, when: filterable, newest first, exportable. */
@Controller
@RequiredArgsConstructor
class AuditLogController {

    private final AuditLog auditLog;

    @GetMapping("/audit")
    String audit(@Valid @ModelAttribute("query") AuditLogQuery query, BindingResult result,
            Viewer viewer, Model model) {
        model.addAttribute("entityTypes", auditLog.entityTypes(viewer));
        if (!result.hasErrors()) {
            model.addAttribute("log", auditLog.page(viewer, query.filter(),
                    PageNumbers.bounded(query.getPage(), AuditLog.PAGE_SIZE)));
        }
        return "audit/log";
    }
}
