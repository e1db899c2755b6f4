package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.churn.application.ChurnWarnings;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ModelAttribute;

/** 流失预警: customers showing a churn signal, each with the numbers behind it. */
@Controller
@RequiredArgsConstructor
class ChurnController {

    private final ChurnWarnings churn;
    private final Team team;

    @GetMapping("/dashboard/churn")
    String warnings(@ModelAttribute("query") DashboardQuery query, BindingResult result,
            @RequestParam(defaultValue = "0") String page, Viewer viewer, Model model) {
        // a page number typed or edited into the address bar: nonsense is the first page
        int number = page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
        model.addAttribute("result", churn.warnings(FilterChoices.filter(query, viewer), number));
        model.addAttribute("badFilter", result.hasErrors());
        FilterChoices.addTo(model, viewer, team);
        return "dashboard/churn";
    }
}
