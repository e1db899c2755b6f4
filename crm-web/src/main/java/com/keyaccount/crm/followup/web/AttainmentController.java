package com.keyaccount.crm.followup.web;

import com.keyaccount.crm.followup.application.Attainments;
import com.keyaccount.crm.security.CrmUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.AppUserRepository;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** 达成率: contacts required by the quotas vs contacts made, for a period. */
@Controller
@RequiredArgsConstructor
class AttainmentController {

    private final Attainments attainments;
    private final AppUserRepository users;
    private final Clock clock;
    private final ZoneId businessZone;

    @GetMapping("/attainment")
    String attainment(@Valid @ModelAttribute("query") AttainmentQuery query, BindingResult result,
            @AuthenticationPrincipal CrmUser user, Model model) {
        if (query.getFrom() == null && query.getTo() == null && !result.hasFieldErrors()) {
            AttainmentQuery defaults = AttainmentQuery.monthToDate(LocalDate.now(clock.withZone(businessZone)));
            defaults.setManager(query.getManager());
            return show(defaults, user, model);
        }
        if (result.hasErrors()) {
            managers(user, model);
            return "followup/attainment";
        }
        return show(query, user, model);
    }

    private String show(AttainmentQuery query, CrmUser user, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("report", attainments.report(user.viewer(), query.getFrom(), query.getTo(),
                query.getManager()));
        managers(user, model);
        return "followup/attainment";
    }

    private void managers(CrmUser user, Model model) {
        if (user.role().seesAllCustomers()) {
            model.addAttribute("managers", users.findByRoleAndEnabledTrueOrderByDisplayName(Role.ACCOUNT_MANAGER));
        }
    }
}
