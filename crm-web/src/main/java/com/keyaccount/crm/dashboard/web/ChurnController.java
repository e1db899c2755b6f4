package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.dashboard.application.ChurnWarnings;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.security.CrmUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Role;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** 流失预警: customers showing a churn signal, each with the numbers behind it. */
@Controller
@RequiredArgsConstructor
class ChurnController {

    private final ChurnWarnings churn;
    private final AppUserRepository users;

    @GetMapping("/dashboard/churn")
    String warnings(@ModelAttribute("query") DashboardQuery query, BindingResult result,
            @AuthenticationPrincipal CrmUser user, Model model) {
        model.addAttribute("result", churn.warnings(DashboardFilter.of(user.viewer(), query.getRegion(),
                query.getIndustry(), query.getOwner())));
        model.addAttribute("badFilter", result.hasErrors());
        model.addAttribute("regions", Region.values());
        model.addAttribute("industries", Industry.values());
        if (user.role().seesAllCustomers()) {
            model.addAttribute("managers", users.findByRoleAndEnabledTrueOrderByDisplayName(Role.ACCOUNT_MANAGER));
        }
        return "dashboard/churn";
    }
}
